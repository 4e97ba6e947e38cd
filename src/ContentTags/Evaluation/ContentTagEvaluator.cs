namespace ContentTags;

/// <summary>Measures a tagger against labeled texts: per-tag precision, recall and F1, micro and macro F1.</summary>
public static class ContentTagEvaluator
{
    /// <summary>Tags every example and compares with its labels.</summary>
    /// <exception cref="ContentTagsDataException">An example carries a tag the model does not know; the message names the line.</exception>
    public static ModelMetrics Evaluate(ContentTagger tagger, IEnumerable<LabeledText> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(examples);
        var data = examples.ToList();
        var taxonomy = tagger.Taxonomy;
        var truth = data.Select(e =>
        {
            var row = new bool[taxonomy.Count];
            foreach (var id in e.Tags)
            {
                int t = taxonomy.IndexOf(id);
                if (t < 0)
                    throw new ContentTagsDataException($"tag '{id}' is not in the model's taxonomy ({string.Join(", ", taxonomy.Ids)})", e.Source, e.Line);
                row[t] = true;
            }
            return row;
        }).ToArray();
        var results = tagger.TagMany(data.Select(e => e.Text), cancellationToken);
        var predicted = results.Select(r => r.Scores.Select(s => s.IsTagged).ToArray()).ToArray();
        return ModelMetrics.Compute(taxonomy.Ids, truth, predicted, results.Count > 0 ? results[0].Scores.Select(s => s.Threshold).ToArray() : tagger.Model.Thresholds);
    }

    /// <summary>Reads labeled examples from a CSV file and evaluates the tagger on them.</summary>
    public static async Task<ModelMetrics> EvaluateAsync(ContentTagger tagger, string csvPath, string textColumn = "text", string tagsColumn = "tags", char delimiter = ',',
        CancellationToken cancellationToken = default)
    {
        var examples = new List<LabeledText>();
        await foreach (var e in LabeledCsv.ReadAsync(csvPath, textColumn, tagsColumn, delimiter, cancellationToken).ConfigureAwait(false))
            examples.Add(e);
        return Evaluate(tagger, examples, cancellationToken);
    }
}
