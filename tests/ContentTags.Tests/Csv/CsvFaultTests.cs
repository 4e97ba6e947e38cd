using System.Text;
using ContentTags.Tests.Support;

namespace ContentTags.Tests.Csv;

/// <summary>Faults in the middle of a CSV run: cancellation at random points and input that fails while being read.</summary>
public sealed class CsvFaultTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ct-csv-faults-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteInput(int rows)
    {
        string path = Path.Combine(_dir, "in.csv");
        var sb = new StringBuilder("id,text\n");
        for (int i = 0; i < rows; i++)
            sb.Append(i).Append(",\"").Append(SmallCorpus.Examples[i % SmallCorpus.Examples.Count].Text.Replace("\"", "\"\"")).Append("\"\n");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public async Task Cancellation_at_random_points_never_leaves_a_file_under_the_output_name()
    {
        string input = WriteInput(30_000);
        var csv = new CsvContentTagger(fixture.Tagger, new CsvTaggingOptions { BatchSize = 64 });
        var random = new Random(12345);
        int cancelled = 0;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            string output = Path.Combine(_dir, $"out-{attempt}.csv");
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            try
            {
                await csv.TagFileAsync(input, output, cancellationToken: cts.Token);
                Assert.Equal(30_001, File.ReadLines(output).Count()); // finished before the cancel: complete
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                Assert.False(File.Exists(output), $"attempt {attempt}: a partial output was left");
            }
            Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        }
        Assert.True(cancelled > 0, "no attempt was cancelled mid-run");
    }

    [Fact]
    public async Task Input_that_fails_mid_read_surfaces_the_io_error()
    {
        string input = WriteInput(5_000);
        var csv = new CsvContentTagger(fixture.Tagger);
        await using var failing = new FailingStream(File.OpenRead(input), failAfter: 100_000);
        using var output = new MemoryStream();
        var error = await Assert.ThrowsAsync<IOException>(() => csv.TagAsync(failing, output, "in.csv"));
        Assert.Contains("device went away", error.Message);
    }

    [Fact]
    public async Task Input_truncated_mid_record_is_reported_with_its_line()
    {
        string input = WriteInput(200);
        byte[] bytes = File.ReadAllBytes(input);
        // Cut ten bytes into the quoted text of the last record: its quote is never closed.
        int lastRecord = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        int cut = Array.IndexOf(bytes, (byte)'"', lastRecord) + 10;
        File.WriteAllBytes(input, bytes[..cut]);
        var csv = new CsvContentTagger(fixture.Tagger);
        string output = Path.Combine(_dir, "out.csv");
        var error = await Assert.ThrowsAsync<ContentTagsDataException>(() => csv.TagFileAsync(input, output));
        Assert.NotNull(error.Line);
        Assert.Contains("in.csv", error.Message);
        Assert.False(File.Exists(output));
    }

    private sealed class FailingStream(Stream inner, long failAfter) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter) throw new IOException("the device went away");
            int n = inner.Read(buffer, offset, (int)Math.Min(count, failAfter - _read));
            _read += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= failAfter) throw new IOException("the device went away");
            int n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - _read)], cancellationToken);
            _read += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
