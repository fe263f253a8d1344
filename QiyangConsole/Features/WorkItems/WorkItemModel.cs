using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Features.WorkItems;

public static class WorkItemModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<WorkItem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => new { x.LeadUnitId, x.State });
            e.HasIndex(x => new { x.Light, x.Deadline });
            e.HasIndex(x => x.Deadline);
            e.HasIndex(x => new { x.Light, x.State }); // the overview's open items by light, counted from the index
            e.HasOne(x => x.LeadUnit).WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(x => x.EffectiveDeadline);
            e.HasMany(x => x.CoUnits).WithOne().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkItemCoUnit>(e =>
        {
            e.HasKey(x => new { x.WorkItemId, x.UnitId });
            e.HasIndex(x => x.UnitId);
            e.HasOne<Administration.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<WorkItemUpdate>(e =>
        {
            e.HasIndex(x => new { x.WorkItemId, x.At });
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Extension>(e =>
        {
            e.HasIndex(x => new { x.WorkItemId, x.State });
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SettlementMonth>().HasKey(x => new { x.Year, x.Month });
        b.Entity<Settlement>(e =>
        {
            e.HasIndex(x => new { x.Year, x.Month, x.WorkItemId }).IsUnique();
            e.HasIndex(x => new { x.Year, x.Month, x.UnitId });
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
