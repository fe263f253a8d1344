using Microsoft.JSInterop;
using QiyangConsole.Data;

namespace QiyangConsole.Infrastructure.Files;

/// <summary>A file picked by a user, as its name and the stream it arrives on.</summary>
public sealed record Upload(string FileName, Stream Content);

/// <summary>
/// The one place uploaded files are kept (beside the data, under attachments/): received as a stream
/// into a temporary file (never whole in memory), checked for size and type, moved into place, and
/// removed again when the data that points to it is not saved.
/// </summary>
public sealed class FileStore(DataPaths paths)
{
    /// <summary>
    /// Receives <paramref name="upload"/> (when there is one), then runs <paramref name="save"/> with its stored
    /// name; if the save fails the file is removed, so no file is left that no record points to.
    /// </summary>
    public async Task<T> KeepAsync<T>(Upload? upload, UploadKind kind, Func<string?, Task<T>> save)
    {
        if (upload is null) return await save(null);
        var stored = await ReceiveAsync(upload, kind);
        try { return await save(stored); }
        catch
        {
            Delete(stored);
            throw;
        }
    }

    public Task KeepAsync(Upload? upload, UploadKind kind, Func<string?, Task> save) =>
        KeepAsync(upload, kind, async stored => { await save(stored); return true; });

    public string PathOf(string stored) => Path.Combine(paths.Attachments, stored);

    public void Delete(string stored) => File.Delete(PathOf(stored));

    /// <summary>The content type of a stored file, told by its first bytes.</summary>
    public static async Task<string> ContentTypeAsync(string path)
    {
        var head = new byte[FileRules.HeadBytes];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return FileRules.ContentType(head.AsSpan(0, read));
    }

    private async Task<string> ReceiveAsync(Upload upload, UploadKind kind)
    {
        if (FileRules.CheckName(upload.FileName, kind) is { } badName) throw new DomainException(badName);
        // Received beside the final place (same disk), so the move is a rename.
        var incoming = Directory.CreateDirectory(Path.Combine(paths.Root, "incoming")).FullName;
        var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        try
        {
            var head = await CopyAsync(upload, kind, temp);
            if (FileRules.CheckContent(upload.FileName, head, kind) is { } notAnImage) throw new DomainException(notAnImage);
            var extension = Path.GetExtension(upload.FileName);
            var stored = $"{kind.Prefix}{Guid.NewGuid():N}{(kind.ImagesOnly ? extension.ToLowerInvariant() : extension)}";
            File.Move(temp, PathOf(stored));
            return stored;
        }
        finally { File.Delete(temp); }
    }

    /// <summary>Streams the upload to <paramref name="path"/>, stopping as soon as it passes the limit; returns the first bytes.</summary>
    private static async Task<byte[]> CopyAsync(Upload upload, UploadKind kind, string path)
    {
        var head = new List<byte>(FileRules.HeadBytes);
        var buffer = new byte[81920];
        long total = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true);
        while (true)
        {
            int read;
            try { read = await upload.Content.ReadAsync(buffer); }
            catch (Exception ex) when (ex is IOException or JSException or InvalidOperationException)
            {
                // The upload broke off (weak signal, a file larger than announced): say so, the user keeps what was typed.
                throw new DomainException($"{kind.Field}上传失败，请重试或不带{kind.Field}保存");
            }
            if (read == 0) return [.. head];
            total += read;
            if (FileRules.CheckSize(total, kind) is { } tooLarge) throw new DomainException(tooLarge);
            head.AddRange(buffer.AsSpan(0, Math.Min(read, FileRules.HeadBytes - head.Count)));
            await file.WriteAsync(buffer.AsMemory(0, read));
        }
    }
}
