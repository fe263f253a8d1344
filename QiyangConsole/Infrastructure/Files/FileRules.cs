namespace QiyangConsole.Infrastructure.Files;

/// <summary>What an upload is for: the field its messages name, whether only images are taken, and the stored name's prefix.</summary>
public sealed record UploadKind(string Field, bool ImagesOnly, string Prefix = "")
{
    /// <summary>A work item's attachment: any file, but one that claims to be an image must be one.</summary>
    public static readonly UploadKind Attachment = new("附件", ImagesOnly: false);
    public static readonly UploadKind Photo = new("照片", ImagesOnly: true, Prefix: "visit-");
}

/// <summary>The rules every stored file goes through: one size limit, and the type told by the content (magic bytes), not by the name.</summary>
public static class FileRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string MaxText = "10 MB";
    /// <summary>Enough of the start of a file to tell its type (RIFF....WEBP and an ftyp box's brand both end by byte 12).</summary>
    public const int HeadBytes = 16;
    public const string Binary = "application/octet-stream";
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".heic"];

    public static bool ClaimsImage(string fileName) => ImageExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>Refused by its name before anything is read: a photo must at least be called an image.</summary>
    public static string? CheckName(string fileName, UploadKind kind) =>
        kind.ImagesOnly && !ClaimsImage(fileName) ? $"{kind.Field}应为 jpg、png、webp 或 heic 格式" : null;

    public static string? CheckSize(long bytes, UploadKind kind) => bytes > MaxBytes ? $"{kind.Field}不能超过 {MaxText}" : null;

    /// <summary>A photo, or a file whose name claims an image, must start like one of the images we take.</summary>
    public static string? CheckContent(string fileName, ReadOnlySpan<byte> head, UploadKind kind) =>
        (kind.ImagesOnly || ClaimsImage(fileName)) && ImageType(head) is null ? NotAnImage(kind.Field) : null;

    public static string NotAnImage(string field) => $"“{field}”不是有效的图片文件（支持 JPG、PNG、WebP、HEIC）";

    /// <summary>The content type a stored file is served with: its image type when it is one, else plain bytes.</summary>
    public static string ContentType(ReadOnlySpan<byte> head) => ImageType(head) ?? Binary;

    /// <summary>JPEG FF D8 FF, PNG 89 50 4E 47, WebP RIFF....WEBP, HEIC an ftyp box branded heic, heix or mif1; null for anything else.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "image/png";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)
            && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8))) return "image/heic";
        return null;
    }
}
