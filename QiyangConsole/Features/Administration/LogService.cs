using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration;

public sealed record LogQuery(string? User, string? Text, DateOnly? From, DateOnly? To, bool? Succeeded = null);

/// <summary>The operation and login logs, searched and paged in the database.</summary>
public sealed class LogService(IDbContextFactory<AppDbContext> factory, CurrentUser user, LogChainService chain)
{
    /// <summary>校验完整性: seals what is waiting, then checks the log's hash chain from its first remaining entry.</summary>
    public async Task<ChainReport> VerifyAsync(LogKind kind, CancellationToken ct = default)
    {
        user.Require(Access.SecurityAudit);
        return await chain.VerifyAsync(kind, ct);
    }

    public async Task<(List<AuditEntry> Rows, int Total)> OperationsAsync(LogQuery q, int skip, int take)
    {
        user.Require(Access.SecurityAudit);
        await using var db = await factory.CreateDbContextAsync();
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.User)) rows = rows.Where(r => r.UserName.Contains(q.User));
        if (!string.IsNullOrWhiteSpace(q.Text))
            rows = rows.Where(r => r.Entity.Contains(q.Text) || r.EntityKey == q.Text || r.Action == q.Text || (r.NewValues != null && r.NewValues.Contains(q.Text)) || (r.OldValues != null && r.OldValues.Contains(q.Text)));
        var (from, to) = Range(q);
        if (from is { } f) rows = rows.Where(r => r.At >= f);
        if (to is { } t) rows = rows.Where(r => r.At < t);
        return (await rows.OrderByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(), await rows.CountAsync());
    }

    public async Task<(List<LoginRecord> Rows, int Total)> LoginsAsync(LogQuery q, int skip, int take)
    {
        user.Require(Access.SecurityAudit);
        await using var db = await factory.CreateDbContextAsync();
        var rows = db.LoginRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.User)) rows = rows.Where(r => r.UserName.Contains(q.User));
        if (!string.IsNullOrWhiteSpace(q.Text)) rows = rows.Where(r => r.Ip == q.Text || (r.UserAgent != null && r.UserAgent.Contains(q.Text)));
        if (q.Succeeded is { } ok) rows = rows.Where(r => r.Succeeded == ok);
        var (from, to) = Range(q);
        if (from is { } f) rows = rows.Where(r => r.At >= f);
        if (to is { } t) rows = rows.Where(r => r.At < t);
        return (await rows.OrderByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(), await rows.CountAsync());
    }

    /// <summary>Shanghai calendar days to the UTC instants stored.</summary>
    private static (DateTime? From, DateTime? To) Range(LogQuery q) =>
        (q.From is { } f ? TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue), AppTime.Zone) : null,
         q.To is { } t ? TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), AppTime.Zone) : null);
}
