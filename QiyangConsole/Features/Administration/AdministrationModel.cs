using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Calendar;

namespace QiyangConsole.Features.Administration;

public static class AdministrationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Unit>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasOne(x => x.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Group).WithMany().OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<UnitGroup>().HasIndex(x => x.Name).IsUnique();
        b.Entity<AppUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(50);
            e.HasOne(x => x.Unit).WithMany().OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.Entity, x.EntityKey });
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<LoginRecord>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<LogChainState>(e =>
        {
            e.HasKey(x => x.Table);
            e.Property(x => x.Table).HasMaxLength(64);
            e.Property(x => x.TipHash).HasMaxLength(64);
            e.Property(x => x.AnchorHash).HasMaxLength(64);
            e.HasData(
                new LogChainState { Table = nameof(AppDbContext.AuditEntries), TipHash = Rules.LogChain.Genesis, AnchorHash = Rules.LogChain.Genesis },
                new LogChainState { Table = nameof(AppDbContext.LoginRecords), TipHash = Rules.LogChain.Genesis, AnchorHash = Rules.LogChain.Genesis });
        });
        b.Entity<JobRun>().HasIndex(x => new { x.JobName, x.StartedAt });
        b.Entity<Reminder>(e =>
        {
            e.HasIndex(x => x.DedupKey).IsUnique();
            e.HasIndex(x => x.UnitId);
        });
        b.Entity<ReminderRead>(e =>
        {
            e.HasKey(x => new { x.ReminderId, x.UserId });
            e.HasOne<Reminder>().WithMany().HasForeignKey(x => x.ReminderId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SeedRecord>().HasKey(x => x.Name);
        b.Entity<DictionaryItem>().HasIndex(x => new { x.Type, x.Label }).IsUnique();
        b.Entity<SystemParameter>().HasKey(x => x.Key);
        b.Entity<CalendarYear>().HasKey(x => x.Year);
        b.Entity<CalendarYear>().Property(x => x.Year).ValueGeneratedNever();
        b.Entity<CalendarDay>().HasKey(x => x.Date);
    }
}
