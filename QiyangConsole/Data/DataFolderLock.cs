namespace QiyangConsole.Data;

/// <summary>
/// Who is using a data folder. A running console (and a backup being taken) holds a shared lock on
/// <c>console.lock</c>; a restore takes it exclusively, so that it never replaces the database under a running console
/// and no console starts in the middle of a restore. The operating system drops the lock when the process ends, even
/// when it is killed, so a crash never leaves the folder locked.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream? _file;

    private DataFolderLock(FileStream? file) => _file = file;

    /// <summary>Holds nothing: on PostgreSQL the database is not in the data folder and no restore replaces it.</summary>
    public static DataFolderLock None => new(null);

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "console.lock");

    /// <summary>Taken by a console at start and held until it stops; refused only while a restore runs.</summary>
    public static DataFolderLock Shared(string dataDirectory) => TryTake(dataDirectory, exclusive: false)
        ?? throw new InvalidOperationException($"数据目录 {dataDirectory} 正在恢复数据库，请等待恢复完成后再启动或备份");

    /// <summary>Null while any console (or backup) uses the folder.</summary>
    public static DataFolderLock? TryExclusive(string dataDirectory) => TryTake(dataDirectory, exclusive: true);

    private static DataFolderLock? TryTake(string dataDirectory, bool exclusive)
    {
        try
        {
            return new(new FileStream(PathIn(dataDirectory), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                exclusive ? FileShare.None : FileShare.ReadWrite | FileShare.Delete));
        }
        catch (IOException) { return null; }
    }

    public void Dispose() => _file?.Dispose();
}
