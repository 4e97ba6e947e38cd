using System.CommandLine;
using Spectre.Console;

namespace ContentTags.Cli.Commands;

/// <summary><c>contenttags tag INPUT [-o OUTPUT] ...</c>: tags CSV files, streaming, keeping every input row and field.</summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A CSV file, '-' for stdin, a folder of part files, or a pattern such as data/part-*.csv." };
        var output = new Option<string?>("--output", "-o") { Description = "Output file, or '-' for stdout (the default). For a folder or pattern INPUT: the output folder." };
        var textColumns = new Option<string[]>("--text-column") { Description = "Column(s) to tag; several are joined (title + synopsis + review). Default: text.", AllowMultipleArgumentsPerToken = false };
        var model = new Option<string?>("--model") { Description = "A model file; default: the embedded model." };
        var threshold = new Option<float?>("--threshold") { Description = "One probability threshold for every tag instead of the tuned ones." };
        var scores = new Option<bool>("--scores") { Description = "Add a cw_<tag-id> column per tag with its probability." };
        var evidence = new Option<bool>("--evidence") { Description = "Add a cw_evidence column with the sentence behind each tag." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or summary on stderr." };
        var delimiter = new Option<string>("--delimiter") { Description = "Field delimiter: ',' (default), ';', 'tab' or '|'.", DefaultValueFactory = _ => "," };
        var badRows = new Option<string?>("--bad-rows") { Description = "Write rows with the wrong number of fields here, verbatim, and go on." };
        var shard = new Option<string?>("--shard") { Description = "K/N: process only the K-th of N deterministic shares of the part files (1-based)." };

        var command = new Command("tag", "Tag a CSV file (or a folder of part files) with content warnings.")
        {
            input, output, textColumns, model, threshold, scores, evidence, quiet, delimiter, badRows, shard,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async ct =>
        {
            var separator = ParseDelimiter(parse.GetValue(delimiter)!);
            float? t = parse.GetValue(threshold);
            if (t is float v && (float.IsNaN(v) || v < 0 || v > 1)) throw new ArgumentException("--threshold must be between 0 and 1.");
            var tagger = CommandRunner.LoadTagger(parse.GetValue(model), new ContentTaggerOptions { Threshold = t, IncludeEvidence = parse.GetValue(evidence) });
            var columns = parse.GetValue(textColumns) is { Length: > 0 } c ? c : ["text"];
            var options = new CsvTaggingOptions { TextColumns = columns, Delimiter = separator, IncludeScores = parse.GetValue(scores), IncludeEvidence = parse.GetValue(evidence) };
            bool showProgress = CliConsole.ShowProgress(parse.GetValue(quiet));
            bool summary = !parse.GetValue(quiet);

            string source = parse.GetValue(input)!;
            string? target = parse.GetValue(output);
            // A malformed --shard is a usage error whatever INPUT is, never silently ignored.
            var (k, n) = PartFiles.ParseShard(parse.GetValue(shard));
            var parts = PartFiles.Resolve(source);
            if (parts is null)
            {
                if (n > 1) throw new ArgumentException($"--shard {k}/{n} splits the part files of a folder or pattern INPUT; '{source}' is a single input.");
                return await TagOneAsync(tagger, options, source, target ?? "-", parse.GetValue(badRows), showProgress, summary, ct);
            }

            if (target is null or "-") throw new ArgumentException("A folder or pattern INPUT needs -o OUTPUT_FOLDER: one output part is written per input part.");
            var mine = PartFiles.Shard(parts, k, n);
            Directory.CreateDirectory(target);
            foreach (var part in mine)
            {
                string name = Path.GetFileName(part);
                string? bad = parse.GetValue(badRows) is string b ? Path.Combine(b, name) : null;
                if (bad is not null) Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
                int code = await TagOneAsync(tagger, options, part, Path.Combine(target, name), bad, showProgress, summary, ct);
                if (code != ExitCodes.Success) return code;
            }
            if (summary) Console.Error.WriteLine($"contenttags: shard {k}/{n}: {mine.Count} of {parts.Count} part files tagged into {target}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> TagOneAsync(ContentTagger tagger, CsvTaggingOptions options, string input, string output, string? badRowsPath, bool showProgress, bool summary, CancellationToken ct)
    {
        FileStream? badRows = null;
        string? badTemp = null;
        try
        {
            if (badRowsPath is not null && ReplacedFile.IsDevice(badRowsPath))
                badRows = new FileStream(badRowsPath, FileMode.Open, FileAccess.Write); // --bad-rows /dev/stderr
            else if (badRowsPath is not null)
            {
                badTemp = ReplacedFile.CreateBeside(badRowsPath);
                badRows = ReplacedFile.Open(badTemp);
            }
            var csv = new CsvContentTagger(tagger, options with { BadRows = badRows });
            CsvTaggingSummary result = await RunWithProgressAsync(showProgress, input, progress =>
                input == "-" || output == "-"
                    ? TagStreamsAsync(csv, input, output, progress, ct)
                    : csv.TagFileAsync(input, output, progress, ct));
            if (badRows is not null)
            {
                await badRows.DisposeAsync();
                badRows = null;
                if (badTemp is not null) ReplacedFile.Commit(badTemp, badRowsPath!);
            }
            if (summary)
                Console.Error.WriteLine($"contenttags: {input}: {result.TaggedRows:N0} rows tagged ({result.RowsWithTags:N0} with warnings), {result.BadRows:N0} bad rows, {result.Elapsed.TotalSeconds:0.0}s");
            return ExitCodes.Success;
        }
        finally
        {
            if (badRows is not null) await badRows.DisposeAsync();
            if (badTemp is not null) ReplacedFile.Delete(badTemp);
        }
    }

    private static async Task<CsvTaggingSummary> TagStreamsAsync(CsvContentTagger csv, string input, string output, IProgress<CsvTaggingProgress>? progress, CancellationToken ct)
    {
        await using Stream inStream = input == "-" ? new CancellableRead(Console.OpenStandardInput()) : File.OpenRead(input);
        if (output == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            return await csv.TagAsync(inStream, stdout, input == "-" ? "(stdin)" : input, progress, ct);
        }
        // To a file: written beside the target and renamed when complete; the temporary file is also removed at exit,
        // should a Ctrl-C abandon the run while it is blocked reading the pipe.
        return await csv.TagFileAsync(inStream, output, input == "-" ? "(stdin)" : input, progress, ct);
    }

    private static async Task<CsvTaggingSummary> RunWithProgressAsync(bool show, string input, Func<IProgress<CsvTaggingProgress>?, Task<CsvTaggingSummary>> run)
    {
        if (!show) return await run(null);
        CsvTaggingSummary result = null!;
        await CliConsole.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(Path.GetFileName(input)), maxValue: 1);
                task.IsIndeterminate = input == "-";
                var progress = new SynchronousProgress<CsvTaggingProgress>(p =>
                {
                    task.Description = $"{Markup.Escape(Path.GetFileName(input))}: {p.Rows:N0} rows, {p.RowsPerSecond:N0} rows/s";
                    if (p.Fraction is double f) task.Value = f;
                });
                result = await run(progress);
                task.Value = 1;
            });
        return result;
    }

    internal static char ParseDelimiter(string value) => value switch
    {
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => value[0],
        _ => throw new ArgumentException($"--delimiter must be one character or 'tab', not '{value}'."),
    };

    /// <summary>
    /// Standard input whose reads stop waiting when the run is cancelled: a read from a pipe that has gone quiet does not
    /// return on its own, so without this Ctrl-C would wait for the next line from the pipe.
    /// </summary>
    private sealed class CancellableRead(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = inner.ReadAsync(buffer, CancellationToken.None);
            if (read.IsCompleted || !cancellationToken.CanBeCanceled) return await read.ConfigureAwait(false);
            // The abandoned read ends with the process, which exits once the cancelled run has cleaned up.
            return await read.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Reports on the calling thread, so the display updates as rows are written.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
