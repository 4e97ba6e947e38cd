using CsvHelper;

namespace ContentTags;

/// <summary>The CsvHelper options every reader and writer here uses: RFC 4180, strict about quoting, with line numbers for errors.</summary>
internal static class CsvSettings
{
    public static CsvReaderOptions Reading(char separator) => new()
    {
        Separator = separator,
        HasHeader = true,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        // Ragged rows are returned, not thrown, so the caller can name the line and choose to keep going.
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
    };

    public static CsvWriterOptions Writing(char separator) => new()
    {
        Separator = separator,
        NewLine = "\n",
        // Values are copied through unchanged: no formula escaping, which would alter a cell that starts with '='.
        Injection = CsvInjection.None,
        ValidateFieldCount = true,
    };

    /// <summary>Turns CsvHelper's malformed-input error into one that names the file, line and column.</summary>
    public static ContentTagsDataException Wrap(CsvFormatException e, string source, IReadOnlyList<string>? header = null)
    {
        string? column = e.FieldIndex >= 0
            ? (header is not null && e.FieldIndex < header.Count ? header[e.FieldIndex] : "#" + (e.FieldIndex + 1))
            : null;
        return new ContentTagsDataException("malformed CSV: " + e.Message, source, e.LineNumber > 0 ? e.LineNumber : null, column, e);
    }

    /// <summary>Finds a column by name (exact first, then ignoring case) or throws an error that lists the columns there are.</summary>
    public static int ColumnIndex(IReadOnlyList<string> header, string name, string source)
    {
        int i = header.ToList().IndexOf(name);
        if (i < 0) i = header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (i < 0)
            throw new ContentTagsDataException(
                $"there is no column '{name}'; the columns are: {string.Join(", ", header.Select(h => "'" + h + "'"))}", source, 1, name);
        return i;
    }

    /// <summary>Reads the header row, or throws when there is none.</summary>
    public static async Task<string[]> ReadHeaderAsync(CsvReader csv, string source, CancellationToken cancellationToken)
    {
        try
        {
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw Wrap(e, source);
        }
        var header = csv.Headers.ToArray();
        if (header.Length == 0) throw new ContentTagsDataException("the file is empty: expected a header row", source, 1);
        return header;
    }

    /// <summary>Advances to the next record, turning malformed input into an error that names the place.</summary>
    public static async ValueTask<bool> ReadAsync(CsvReader csv, string source, IReadOnlyList<string> header, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw Wrap(e, source, header);
        }
    }
}
