using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Features.Projects;

public static class ProjectModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Project>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Name);
            e.HasIndex(x => new { x.Stage, x.SignedOn });
            e.HasIndex(x => x.LeadUnitId);
            e.HasIndex(x => x.ContactLeaderId);
            // The figures' counts and sums and the key-project filter read these instead of the table.
            e.HasIndex(x => new { x.InvestmentWan, x.Stage });
            e.HasIndex(x => new { x.SignedOn, x.InvestmentWan });
            e.HasIndex(x => new { x.LandedOn, x.InvestmentWan });
            // The register's default order, COALESCE(SignedOn, NegotiatingOn) DESC then Id DESC, alone and after each
            // equality filter (stage, industry, region, investor type, leader), has expression indexes that the EF model
            // cannot describe: the migration IndexesForProvinceScaleLists creates them (IX_Projects_*ListedOn), and
            // ProjectRegisterScaleTests fails if a later table rebuild loses them.
            e.HasOne(x => x.ContactLeader).WithMany().HasForeignKey(x => x.ContactLeaderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.LeadUnit).WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsKey);
            // Stored as REAL so the register can sort and sum by investment in SQL; amounts have two decimals.
            e.Property(x => x.InvestmentWan).HasConversion<double>();
        });
        b.Entity<PlanNode>(e =>
        {
            // A project's open nodes past due (the register's column), and all open nodes past due (the overdue count and filter).
            e.HasIndex(x => new { x.ProjectId, x.DoneOn, x.DueOn });
            e.HasIndex(x => new { x.DoneOn, x.DueOn, x.ProjectId });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<ProjectLog>(e =>
        {
            e.HasIndex(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProjectChecklistItem>(e =>
        {
            e.HasIndex(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EnterpriseNeed>(e =>
        {
            e.HasIndex(x => new { x.UnitId, x.State });
            e.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.EnterpriseId);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<LeaderEngagement>(e =>
        {
            e.HasIndex(x => new { x.LeaderId, x.Year, x.Month }).IsUnique();
            e.HasOne<Administration.AppUser>().WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
