using System.Runtime.CompilerServices;
using CsvHelper;

namespace ContentTags;

/// <summary>Reads labeled examples (a text column and a <c>;</c>-separated tags column) from CSV, streaming.</summary>
public static class LabeledCsv
{
    /// <summary>Reads labeled examples from a CSV file.</summary>
    /// <exception cref="ContentTagsDataException">A column is missing, a row is ragged or malformed, or a tag id is malformed; the message names the line.</exception>
    public static IAsyncEnumerable<LabeledText> ReadAsync(string path, string textColumn = "text", string tagsColumn = "tags", char delimiter = ',',
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadCoreAsync(() => CsvReader.FromFile(path, CsvSettings.Reading(delimiter)), path, textColumn, tagsColumn, cancellationToken);
    }

    /// <summary>Reads labeled examples from CSV text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ContentTagsDataException">A column is missing, a row is ragged or malformed, or a tag id is malformed; the message names the line.</exception>
    public static IAsyncEnumerable<LabeledText> ReadAsync(TextReader reader, string source, string textColumn = "text", string tagsColumn = "tags", char delimiter = ',',
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCoreAsync(() => CsvReader.Create(reader, CsvSettings.Reading(delimiter), leaveOpen: true), source, textColumn, tagsColumn, cancellationToken);
    }

    private static async IAsyncEnumerable<LabeledText> ReadCoreAsync(Func<CsvReader> open, string source, string textColumn, string tagsColumn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var csv = open();
        string[] header = await CsvSettings.ReadHeaderAsync(csv, source, cancellationToken).ConfigureAwait(false);
        int textIndex = CsvSettings.ColumnIndex(header, textColumn, source);
        int tagsIndex = CsvSettings.ColumnIndex(header, tagsColumn, source);
        while (await CsvSettings.ReadAsync(csv, source, header, cancellationToken).ConfigureAwait(false))
        {
            long line = csv.LineNumber;
            if (csv.FieldCount != header.Length)
                throw new ContentTagsDataException($"expected {header.Length} fields like the header, found {csv.FieldCount}", source, line);
            string text = csv.GetString(textIndex) ?? string.Empty;
            var tags = TagTaxonomy.SplitIds(csv.GetString(tagsIndex), out string? error);
            if (error is not null) throw new ContentTagsDataException(error, source, line, header[tagsIndex]);
            yield return new LabeledText(text, tags) { Source = source, Line = line };
        }
    }
}
