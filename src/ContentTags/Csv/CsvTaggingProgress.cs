namespace ContentTags;

/// <summary>How far a CSV tagging run has got.</summary>
/// <param name="Rows">Rows written so far (bad rows included).</param>
/// <param name="BytesRead">Input bytes consumed so far.</param>
/// <param name="TotalBytes">The input's size, when known (a file); <see langword="null"/> for a pipe.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record CsvTaggingProgress(long Rows, long BytesRead, long? TotalBytes, TimeSpan Elapsed)
{
    /// <summary>Rows per second so far.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>The estimated time left, from the share of the input read; <see langword="null"/> when the size is unknown.</summary>
    public TimeSpan? Remaining => TotalBytes is long total && total > 0 && BytesRead > 0
        ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * Math.Max(0, total - BytesRead) / BytesRead)
        : null;

    /// <summary>The share of the input read, 0 to 1, when the size is known.</summary>
    public double? Fraction => TotalBytes is long total && total > 0 ? Math.Min(1, (double)BytesRead / total) : null;
}
