using QiyangConsole.Infrastructure.Files;

namespace QiyangConsole.Tests.Unit.Files;

public class FileRulesTests
{
    public static TheoryData<byte[], string?> Heads => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "image/jpeg" },
        { [0xFF, 0xD8, 0xFF], "image/jpeg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png" },
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "image/webp" },
        { [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], "image/heic" },
        { [0, 0, 0, 0x18, .. "ftypheix"u8], "image/heic" },
        { [0, 0, 0, 0x1C, .. "ftypmif1"u8], "image/heic" },
        { [0, 0, 0, 0x18, .. "ftypmp42"u8], null },            // a video, not a photo
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVE"u8], null },    // a sound
        { [0xFF, 0xD8], null },                                 // too short to be sure
        { [.. "%PDF-1.7"u8], null },
        { [.. "MZ"u8, 0x90, 0], null },
        { [], null },
    };

    [Theory, MemberData(nameof(Heads))]
    public void The_type_is_told_by_the_first_bytes(byte[] head, string? type)
    {
        Assert.Equal(type, FileRules.ImageType(head));
        Assert.Equal(type ?? "application/octet-stream", FileRules.ContentType(head));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(10 * 1024 * 1024, null)]
    [InlineData(10 * 1024 * 1024 + 1, "照片不能超过 10 MB")]
    public void A_photo_is_at_most_ten_megabytes(long bytes, string? problem) =>
        Assert.Equal(problem, FileRules.CheckSize(bytes, UploadKind.Photo));

    [Fact]
    public void Attachments_and_photos_share_one_limit()
    {
        Assert.Null(FileRules.CheckSize(FileRules.MaxBytes, UploadKind.Attachment));
        Assert.Equal("附件不能超过 10 MB", FileRules.CheckSize(FileRules.MaxBytes + 1, UploadKind.Attachment));
    }

    [Theory]
    [InlineData("现场.JPG", null)]
    [InlineData("现场.jpeg", null)]
    [InlineData("现场.png", null)]
    [InlineData("现场.webp", null)]
    [InlineData("IMG_0001.HEIC", null)]
    [InlineData("现场.exe", "照片应为 jpg、png、webp 或 heic 格式")]
    [InlineData("现场", "照片应为 jpg、png、webp 或 heic 格式")]
    public void A_photo_must_be_called_an_image(string name, string? problem) =>
        Assert.Equal(problem, FileRules.CheckName(name, UploadKind.Photo));

    [Fact]
    public void An_attachment_may_be_called_anything() =>
        Assert.Null(FileRules.CheckName("会议纪要.docx", UploadKind.Attachment));

    [Fact]
    public void A_photo_whose_content_is_not_an_image_is_refused_naming_the_field()
    {
        byte[] pdf = [.. "%PDF-1.7"u8];
        Assert.Equal("“照片”不是有效的图片文件（支持 JPG、PNG、WebP、HEIC）", FileRules.CheckContent("现场.jpg", pdf, UploadKind.Photo));
        Assert.Null(FileRules.CheckContent("现场.jpg", [0xFF, 0xD8, 0xFF, 0xE1], UploadKind.Photo));
        // A phone may name a HEIC photo .jpg: any of the images taken will do.
        Assert.Null(FileRules.CheckContent("现场.jpg", [0, 0, 0, 0x18, .. "ftypheic"u8], UploadKind.Photo));
    }

    [Fact]
    public void An_attachment_is_sniffed_only_where_its_name_claims_an_image()
    {
        byte[] pdf = [.. "%PDF-1.7"u8];
        Assert.Null(FileRules.CheckContent("佐证材料.pdf", pdf, UploadKind.Attachment));
        Assert.Null(FileRules.CheckContent("说明", pdf, UploadKind.Attachment));
        Assert.Equal("“附件”不是有效的图片文件（支持 JPG、PNG、WebP、HEIC）", FileRules.CheckContent("现场.png", pdf, UploadKind.Attachment));
        Assert.Null(FileRules.CheckContent("现场.png", [0x89, 0x50, 0x4E, 0x47], UploadKind.Attachment));
    }
}
