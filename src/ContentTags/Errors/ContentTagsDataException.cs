namespace ContentTags;

/// <summary>
/// Input data that cannot be used: a malformed CSV row, an unknown tag, a missing column. The message names the
/// file, the line and (where known) the column, so a person can go straight to the problem.
/// </summary>
public sealed class ContentTagsDataException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with <c>file:line:column:</c> where they are known.</summary>
    public ContentTagsDataException(string message, string? source = null, long? line = null, string? column = null, Exception? innerException = null)
        : base(Locate(source, line, column) + message, innerException)
    {
        Source = source;
        Line = line;
        Column = column;
        Reason = message;
    }

    /// <summary>The file (or stream name) the data came from, when known.</summary>
    public new string? Source { get; }

    /// <summary>The 1-based line number in the file, when known.</summary>
    public long? Line { get; }

    /// <summary>The column name (or 1-based number), when known.</summary>
    public string? Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }

    private static string Locate(string? source, long? line, string? column)
    {
        if (source is null && line is null && column is null) return string.Empty;
        var parts = new List<string>();
        if (source is not null) parts.Add(source);
        if (line is not null) parts.Add($"line {line}");
        if (column is not null) parts.Add($"column '{column}'");
        return string.Join(", ", parts) + ": ";
    }
}
