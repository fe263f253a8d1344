using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Data.BadInput;

namespace QiyangConsole.Tests.Unit.Excel;

/// <summary>What the guard tells from the bytes alone, before any workbook is loaded.</summary>
public sealed class WorkbookGuardTests
{
    [Fact]
    public void A_workbook_written_by_ClosedXML_passes_and_opens()
    {
        var bytes = Workbooks.Sheet("企业名录", ["企业名称"], ["祁阳"]);
        Assert.Null(WorkbookGuard.Problem(bytes));
        var (wb, error) = WorkbookGuard.Open(new MemoryStream(bytes));
        using (wb)
        {
            Assert.Null(error);
            Assert.Equal("祁阳", wb!.Worksheet(1).Cell(2, 1).GetString());
        }
    }

    [Fact]
    public void The_declared_sizes_decide_without_inflating_anything()
    {
        var justUnder = Workbooks.Zip(1, WorkbookGuard.MaxUnpackedBytes - 1);
        var justOver = Workbooks.Zip(1, WorkbookGuard.MaxUnpackedBytes + 1);
        Assert.DoesNotContain("50 MB", WorkbookGuard.Problem(justUnder) ?? "");
        Assert.Contains("50 MB", WorkbookGuard.Problem(justOver));
    }

    [Fact]
    public void Parts_are_counted()
    {
        Assert.Null(WorkbookGuard.Problem(Workbooks.Zip(WorkbookGuard.MaxEntries, 1)));
        Assert.Equal($"文件包含 {WorkbookGuard.MaxEntries + 1} 个部件，超过 {WorkbookGuard.MaxEntries} 个，不是正常的 Excel 工作簿", WorkbookGuard.Problem(Workbooks.Zip(WorkbookGuard.MaxEntries + 1, 1)));
    }

    [Fact]
    public void A_stream_longer_than_the_limit_is_refused_without_being_read_whole()
    {
        var endless = new EndlessStream();
        var (wb, error) = WorkbookGuard.Open(endless);
        Assert.Null(wb);
        Assert.Equal("文件不能超过 5 MB", error!.Reason);
        Assert.True(endless.Consumed < WorkbookGuard.MaxFileBytes + (1 << 20));
    }

    /// <summary>A stream that never ends and cannot seek, as an upload that lies about its size.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Consumed { get; private set; }
        public override int Read(byte[] buffer, int offset, int count) { Consumed += count; buffer[offset] = 0x50; return count; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
