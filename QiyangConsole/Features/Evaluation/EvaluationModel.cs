using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Features.Evaluation;

public static class EvaluationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<IndicatorScheme>(e =>
        {
            e.HasIndex(x => x.Year).IsUnique();
            e.HasMany(x => x.Indicators).WithOne().HasForeignKey(i => i.SchemeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Indicator>().Property(x => x.Name).HasMaxLength(100);
        b.Entity<EvaluationPeriod>(e =>
        {
            e.HasIndex(x => new { x.Year, x.Month }).IsUnique();
            e.HasOne(x => x.Scheme).WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Inspection>(e =>
        {
            e.HasIndex(x => x.PeriodId);
            e.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Findings).WithOne(f => f.Inspection).HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Finding>(e =>
        {
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Score>(e =>
        {
            e.HasIndex(x => new { x.PeriodId, x.UnitId, x.IndicatorId }).IsUnique();
            e.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Administration.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RankingEntry>(e =>
        {
            e.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
            e.HasIndex(x => x.UnitId);
            e.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Circular>(e =>
        {
            e.HasIndex(x => x.PeriodId).IsUnique();
            e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
            e.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.CriticisedUnits).WithOne().HasForeignKey(x => x.CircularId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CircularCriticisedUnit>(e =>
        {
            e.HasKey(x => new { x.CircularId, x.UnitId });
            e.HasIndex(x => x.UnitId);
            e.HasOne<Administration.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Amendment>(e =>
        {
            e.HasIndex(x => x.PeriodId);
            e.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<QuarterReviewEntry>(e =>
        {
            e.HasIndex(x => new { x.Year, x.Quarter, x.UnitId }).IsUnique();
            e.HasOne<Administration.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Statement>(e =>
        {
            e.HasIndex(x => x.HeldOn);
            e.Property(x => x.Speaker).HasMaxLength(50);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Leader).WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("CK_Statements_Speaker", "(\"UnitId\" IS NULL) <> (\"LeaderId\" IS NULL)"));
        });
    }
}
