using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Data;

/// <remarks>
/// One constructor taking only the options, as EF's context pool requires (<see cref="ContextPool"/>): the signed-in user
/// is set by the factory that hands the context out.
/// </remarks>
public class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Who the operation log names for changes saved through this context.</summary>
    public CurrentUser? Actor { get; internal set; }

    internal List<AuditInterceptor.Pending>? PendingAudit { get; set; }

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LoginRecord> LoginRecords => Set<LoginRecord>();
    public DbSet<LogChainState> LogChainStates => Set<LogChainState>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ReminderRead> ReminderReads => Set<ReminderRead>();
    public DbSet<SeedRecord> SeedRecords => Set<SeedRecord>();
    /// <summary>ASP.NET Core's data-protection keys (cookies, form tokens), shared by every console instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DictionaryItem> DictionaryItems => Set<DictionaryItem>();
    public DbSet<SystemParameter> Parameters => Set<SystemParameter>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<IndicatorScheme> IndicatorSchemes => Set<IndicatorScheme>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<EvaluationPeriod> EvaluationPeriods => Set<EvaluationPeriod>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<RankingEntry> Rankings => Set<RankingEntry>();
    public DbSet<Circular> Circulars => Set<Circular>();
    public DbSet<CircularCriticisedUnit> CircularCriticisedUnits => Set<CircularCriticisedUnit>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<QuarterReviewEntry> QuarterReviews => Set<QuarterReviewEntry>();
    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<WorkItemCoUnit> WorkItemCoUnits => Set<WorkItemCoUnit>();
    public DbSet<WorkItemUpdate> WorkItemUpdates => Set<WorkItemUpdate>();
    public DbSet<Extension> Extensions => Set<Extension>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<SettlementMonth> SettlementMonths => Set<SettlementMonth>();

    public DbSet<ExchangeEvent> ExchangeEvents => Set<ExchangeEvent>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<ProblemStep> ProblemSteps => Set<ProblemStep>();
    public DbSet<Callback> Callbacks => Set<Callback>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();

    public DbSet<Project> Projects => Set<Project>();
    public DbSet<PlanNode> PlanNodes => Set<PlanNode>();
    public DbSet<ProjectLog> ProjectLogs => Set<ProjectLog>();
    public DbSet<ChecklistTemplateItem> ChecklistTemplates => Set<ChecklistTemplateItem>();
    public DbSet<ProjectChecklistItem> ProjectChecklist => Set<ProjectChecklistItem>();
    public DbSet<EnterpriseNeed> EnterpriseNeeds => Set<EnterpriseNeed>();
    public DbSet<LeaderEngagement> LeaderEngagements => Set<LeaderEngagement>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<StewardAssignment> StewardAssignments => Set<StewardAssignment>();
    public DbSet<LiaisonRoom> LiaisonRooms => Set<LiaisonRoom>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<HelpMatter> HelpMatters => Set<HelpMatter>();
    public DbSet<HelpMatterWindow> HelpMatterWindows => Set<HelpMatterWindow>();
    public DbSet<Cadre> Cadres => Set<Cadre>();
    public DbSet<CadreLink> CadreLinks => Set<CadreLink>();
    public DbSet<CadreListItem> CadreListItems => Set<CadreListItem>();
    public DbSet<ServiceContact> ServiceContacts => Set<ServiceContact>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct); }
        catch (DbUpdateConcurrencyException) { await AuditInterceptor.AbandonAsync(this, ct); throw; }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        catch (DbUpdateConcurrencyException) { AuditInterceptor.AbandonAsync(this, default).GetAwaiter().GetResult(); throw; }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        AdministrationModel.Configure(b);
        EvaluationModel.Configure(b);
        WorkItemModel.Configure(b);
        ExchangeModel.Configure(b);
        ProjectModel.Configure(b);
        EnterpriseModel.Configure(b);

        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            b.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }
}
