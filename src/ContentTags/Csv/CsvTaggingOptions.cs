namespace ContentTags;

/// <summary>Options for <see cref="CsvContentTagger"/>.</summary>
public sealed record CsvTaggingOptions
{
    /// <summary>The columns whose text is tagged, joined with line breaks (for example title, synopsis and review). Default <c>text</c>.</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = ["text"];

    /// <summary>The field delimiter of input and output. Default <c>,</c>; use <c>\t</c> or <c>;</c> for such files.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Adds one <c>cw_&lt;tag-id&gt;</c> column per tag with its probability (4 decimals).</summary>
    public bool IncludeScores { get; init; }

    /// <summary>Adds a <c>cw_evidence</c> column: for each fired tag, the sentence that triggered it.</summary>
    public bool IncludeEvidence { get; init; }

    /// <summary>
    /// Where rows with the wrong number of fields go, verbatim. When <see langword="null"/> (the default) such a row stops
    /// the run with an error that names its line.
    /// </summary>
    public Stream? BadRows { get; init; }

    /// <summary>How many rows are tagged together; larger batches amortise scheduling, smaller ones bound memory.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>How many batches may be in flight at once (bounds memory); default twice the core count.</summary>
    public int MaxBatchesInFlight { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>The name of the column holding the fired tags.</summary>
    public const string TagsColumn = "content_warnings";

    /// <summary>The name of the evidence column.</summary>
    public const string EvidenceColumn = "cw_evidence";

    /// <summary>The name of the score column of a tag.</summary>
    public static string ScoreColumn(string tagId) => "cw_" + tagId;
}
