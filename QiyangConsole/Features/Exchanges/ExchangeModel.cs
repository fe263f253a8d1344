using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Features.Exchanges;

public static class ExchangeModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ExchangeEvent>().HasIndex(x => x.Date);
        b.Entity<Problem>(e =>
        {
            e.HasIndex(x => new { x.UnitId, x.State });
            e.HasIndex(x => x.EventId);
            e.HasIndex(x => new { x.State, x.Deadline });
            e.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<WorkItems.WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.EnterpriseId);
            e.HasIndex(x => new { x.RaisedOn, x.ResolvedOn }); // the list's order and the year's problems solved
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ProblemStep>(e =>
        {
            e.HasIndex(x => x.ProblemId);
            e.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Callback>(e =>
        {
            e.HasOne<Enterprises.HelpMatter>().WithMany().HasForeignKey(x => x.HelpMatterId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.HelpMatterId).IsUnique().HasFilter("\"HelpMatterId\" IS NOT NULL"); // one callback per finished matter
            e.HasIndex(x => new { x.UnitId, x.CalledOn });
            e.HasIndex(x => new { x.CalledOn, x.Rating }); // the year's callbacks and satisfaction
            e.HasIndex(x => x.ProblemId);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Rectification>(e =>
        {
            e.HasIndex(x => new { x.UnitId, x.State });
            e.HasIndex(x => x.CallbackId).IsUnique();
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Callback>().WithMany().HasForeignKey(x => x.CallbackId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
