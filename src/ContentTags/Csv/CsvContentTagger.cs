using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using CsvHelper;

namespace ContentTags;

/// <summary>
/// Tags CSV files of any size, streaming: rows are read in batches, tagged on all cores, and written in input order
/// with every original field unchanged, followed by <c>content_warnings</c> (and optional score and evidence columns).
/// Memory stays flat: at most <see cref="CsvTaggingOptions.MaxBatchesInFlight"/> batches are held at once.
/// </summary>
public sealed class CsvContentTagger
{
    private readonly ContentTagger _tagger;
    private readonly CsvTaggingOptions _options;

    /// <summary>Creates a CSV tagger over a tagger.</summary>
    public CsvContentTagger(ContentTagger tagger, CsvTaggingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        _options = options ?? new CsvTaggingOptions();
        // Evidence is costly (most of a Tag call) and only worth computing when the cw_evidence column is written.
        _tagger = tagger.WithEvidence(_options.IncludeEvidence);
        if (_options.TextColumns is null || _options.TextColumns.Count == 0) throw new ArgumentException("At least one text column is needed.", nameof(options));
        if (_options.BatchSize < 1 || _options.MaxBatchesInFlight < 1) throw new ArgumentOutOfRangeException(nameof(options), "Batch size and batches in flight must be positive.");
    }

    /// <summary>
    /// Tags <paramref name="inputPath"/> into <paramref name="outputPath"/>. The output is written to a temporary file beside
    /// the target and renamed when complete, so a failure or cancellation never leaves a partial file under the final name.
    /// </summary>
    /// <exception cref="ContentTagsDataException">A row is malformed or ragged (without <see cref="CsvTaggingOptions.BadRows"/>), or a column is missing.</exception>
    public async Task<CsvTaggingSummary> TagFileAsync(string inputPath, string outputPath, IProgress<CsvTaggingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        await using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await TagFileAsync(input, outputPath, inputPath, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tags CSV from <paramref name="input"/> (standard input, a download, a decompressing stream) into the file
    /// <paramref name="outputPath"/>, written beside it and renamed when complete as <see cref="TagFileAsync(string, string, IProgress{CsvTaggingProgress}?, CancellationToken)"/>
    /// does; should the process exit mid-run, the temporary file is deleted. <paramref name="inputName"/> names the input in errors.
    /// </summary>
    /// <exception cref="ContentTagsDataException">A row is malformed or ragged (without <see cref="CsvTaggingOptions.BadRows"/>), or a column is missing.</exception>
    public async Task<CsvTaggingSummary> TagFileAsync(Stream input, string outputPath, string inputName = "(input)", IProgress<CsvTaggingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (ReplacedFile.IsDevice(outputPath))
        {
            await using var device = new FileStream(Path.GetFullPath(outputPath), FileMode.Open, FileAccess.Write);
            return await TagAsync(input, device, inputName, progress, cancellationToken).ConfigureAwait(false);
        }

        string temp = ReplacedFile.CreateBeside(outputPath);
        try
        {
            CsvTaggingSummary summary;
            await using (var output = ReplacedFile.Open(temp))
            {
                summary = await TagAsync(input, output, inputName, progress, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
            ReplacedFile.Commit(temp, outputPath);
            return summary;
        }
        finally
        {
            ReplacedFile.Delete(temp);
        }
    }

    /// <summary>Tags CSV from <paramref name="input"/> into <paramref name="output"/> (UTF-8); <paramref name="inputName"/> names the input in errors.</summary>
    /// <exception cref="ContentTagsDataException">A row is malformed or ragged (without <see cref="CsvTaggingOptions.BadRows"/>), or a column is missing.</exception>
    public async Task<CsvTaggingSummary> TagAsync(Stream input, Stream output, string inputName = "(input)", IProgress<CsvTaggingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        long? totalBytes = input.CanSeek ? input.Length - input.Position : null;

        using var csv = CsvReader.Create(input, CsvSettings.Reading(_options.Delimiter), leaveOpen: true);
        string[] header = await CsvSettings.ReadHeaderAsync(csv, inputName, cancellationToken).ConfigureAwait(false);
        int[] textColumns = _options.TextColumns.Select(c => CsvSettings.ColumnIndex(header, c, inputName)).ToArray();

        await using var writer = CsvWriter.Create(output, CsvSettings.Writing(_options.Delimiter), leaveOpen: true);
        writer.WriteHeader(OutputHeader(header));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(_options.MaxBatchesInFlight) { SingleReader = true, SingleWriter = true });
        long rows = 0, tagged = 0, bad = 0, withTags = 0;

        // The consumer writes finished batches strictly in the order they were read.
        var consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var pending in batches.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    var batch = await pending.ConfigureAwait(false);
                    foreach (var row in batch.Rows)
                    {
                        if (row.Bad) await WriteBadRowAsync(row, stop.Token).ConfigureAwait(false);
                        else
                        {
                            WriteRow(writer, row);
                            tagged++;
                            if (row.Result!.HasTags) withTags++;
                        }
                    }
                    await writer.FlushAsync(stop.Token).ConfigureAwait(false);
                    progress?.Report(new CsvTaggingProgress(tagged + bad, batch.BytesRead, totalBytes, clock.Elapsed));
                }
            }
            catch
            {
                stop.Cancel(); // stop the reader too, then let the error surface
                throw;
            }
        }, CancellationToken.None);

        try
        {
            var current = new List<Row>(_options.BatchSize);
            while (await CsvSettings.ReadAsync(csv, inputName, header, stop.Token).ConfigureAwait(false))
            {
                rows++;
                var row = new Row(csv.LineNumber, ReadFields(csv));
                if (row.Fields.Length != header.Length)
                {
                    if (_options.BadRows is null)
                        throw new ContentTagsDataException($"expected {header.Length} fields like the header, found {row.Fields.Length}", inputName, row.Line);
                    row.Bad = true;
                    row.Raw = Encoding.UTF8.GetString(csv.RawRecord);
                    bad++;
                }
                current.Add(row);
                if (current.Count >= _options.BatchSize)
                {
                    await batches.Writer.WriteAsync(Tag(current, csv.ByteOffset, stop.Token), stop.Token).ConfigureAwait(false);
                    current = new List<Row>(_options.BatchSize);
                }
            }
            if (current.Count > 0)
                await batches.Writer.WriteAsync(Tag(current, totalBytes ?? csv.ByteOffset, stop.Token), stop.Token).ConfigureAwait(false);
            batches.Writer.Complete();
        }
        catch (Exception e)
        {
            batches.Writer.TryComplete(e);
            stop.Cancel();
            try { await consumer.ConfigureAwait(false); } catch { /* the reader's error is the one to report */ }
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested && consumer.Exception is { } writeError)
                throw writeError.InnerException ?? writeError;
            throw;
        }

        await consumer.ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new CsvTaggingSummary(rows, tagged, bad, withTags, clock.Elapsed);

        Task<Batch> Tag(List<Row> batch, long bytesRead, CancellationToken token) => Task.Run(() =>
        {
            var texts = new string[batch.Count];
            for (int i = 0; i < batch.Count; i++)
                texts[i] = batch[i].Bad ? string.Empty : JoinText(batch[i].Fields, textColumns);
            var results = _tagger.TagMany(texts, token);
            for (int i = 0; i < batch.Count; i++) batch[i].Result = results[i];
            return new Batch(batch, bytesRead);
        }, token);
    }

    private string[] OutputHeader(string[] header)
    {
        var names = new List<string>(header) { CsvTaggingOptions.TagsColumn };
        if (_options.IncludeScores) names.AddRange(_tagger.Taxonomy.Ids.Select(CsvTaggingOptions.ScoreColumn));
        if (_options.IncludeEvidence) names.Add(CsvTaggingOptions.EvidenceColumn);
        return names.ToArray();
    }

    private void WriteRow(CsvWriter writer, Row row)
    {
        foreach (var field in row.Fields) writer.WriteField(field);
        var result = row.Result!;
        writer.WriteField(string.Join(TagTaxonomy.Separator, result.Tags));
        if (_options.IncludeScores)
            foreach (var score in result.Scores)
                writer.WriteField(score.Probability.ToString("0.0000", CultureInfo.InvariantCulture));
        if (_options.IncludeEvidence)
            writer.WriteField(string.Join(" | ", result.Evidence.Select(e => e.TagId + ": " + e.Sentence.ReplaceLineEndings(" "))));
        writer.EndRecord();
    }

    private async Task WriteBadRowAsync(Row row, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(row.Raw + "\n");
        await _options.BadRows!.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static string[] ReadFields(CsvReader csv)
    {
        var fields = new string[csv.FieldCount];
        for (int i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i) ?? string.Empty;
        return fields;
    }

    private static string JoinText(string[] fields, int[] columns)
    {
        if (columns.Length == 1) return fields[columns[0]];
        return string.Join('\n', columns.Select(c => fields[c]).Where(s => s.Length > 0));
    }

    private sealed class Row(long line, string[] fields)
    {
        public long Line { get; } = line;
        public string[] Fields { get; } = fields;
        public bool Bad { get; set; }
        public string? Raw { get; set; }
        public ContentTagResult? Result { get; set; }
    }

    private sealed record Batch(List<Row> Rows, long BytesRead);
}
