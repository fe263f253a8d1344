namespace QiyangConsole.Data;

/// <summary>An entity users edit: the version is a concurrency token bumped on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Entities the operation log leaves out (the logs themselves, job bookkeeping).</summary>
public interface INotAudited;
