namespace ContentTags;

/// <summary>What a CSV tagging run did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="TaggedRows">Rows written to the output with their tags.</param>
/// <param name="BadRows">Rows with the wrong number of fields, written to the bad-rows output.</param>
/// <param name="RowsWithTags">Rows that got at least one tag.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record CsvTaggingSummary(long Rows, long TaggedRows, long BadRows, long RowsWithTags, TimeSpan Elapsed);
