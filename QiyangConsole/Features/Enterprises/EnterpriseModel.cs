using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Features.Enterprises;

public static class EnterpriseModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Enterprise>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.HasIndex(x => x.Name);
            e.HasIndex(x => new { x.StewardId, x.IsAboveSize }); // a steward's enterprises and its 规上 ones, counted from the index
            e.HasIndex(x => new { x.IsAboveSize, x.Industry });
            e.HasOne(x => x.Steward).WithMany().HasForeignKey(x => x.StewardId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<StewardAssignment>(e =>
        {
            e.HasIndex(x => new { x.EnterpriseId, x.From });
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Steward).WithMany().HasForeignKey(x => x.StewardId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<LiaisonRoom>(e =>
        {
            e.HasIndex(x => x.EnterpriseId).IsUnique();
            e.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Visit>(e =>
        {
            e.HasIndex(x => new { x.EnterpriseId, x.VisitedOn });
            e.HasIndex(x => new { x.StewardId, x.VisitedOn });
            e.HasIndex(x => new { x.VisitedOn, x.EnterpriseId }); // newest first; and the enterprises visited since a day, from the index alone
            e.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Steward).WithMany().HasForeignKey(x => x.StewardId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<HelpMatter>(e =>
        {
            e.HasIndex(x => new { x.State, x.Mode });
            e.HasIndex(x => x.EnterpriseId);
            e.HasIndex(x => x.AgentId);
            e.HasIndex(x => x.FinishedOn);
            e.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Agent).WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Windows).WithOne().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<HelpMatterWindow>(e =>
        {
            e.HasIndex(x => new { x.MatterId, x.UnitId }).IsUnique();
            e.HasIndex(x => x.UnitId);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Cadre>(e =>
        {
            e.HasIndex(x => x.UnitId);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CadreLink>(e =>
        {
            e.HasIndex(x => new { x.EnterpriseId, x.CadreId }).IsUnique().HasFilter("\"EnterpriseId\" IS NOT NULL");
            e.HasIndex(x => new { x.ProjectId, x.CadreId }).IsUnique().HasFilter("\"ProjectId\" IS NOT NULL");
            e.HasIndex(x => x.CadreId);
            e.HasOne(x => x.Cadre).WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t => t.HasCheckConstraint("CK_CadreLink_OneTarget", "(\"EnterpriseId\" IS NULL) <> (\"ProjectId\" IS NULL)"));
        });
        b.Entity<CadreListItem>(e =>
        {
            e.HasIndex(x => new { x.LinkId, x.List });
            e.HasIndex(x => new { x.List, x.State });
            e.HasIndex(x => x.OwnerUnitId);
            e.HasOne(x => x.Link).WithMany().HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ServiceContact>(e => e.HasIndex(x => x.Department).IsUnique());
    }
}
