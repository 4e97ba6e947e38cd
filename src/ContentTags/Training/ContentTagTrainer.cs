using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ContentTags;

/// <summary>
/// Trains a <see cref="ContentTagModel"/> from labeled texts: the text is featurized once (hashed word and character
/// n-grams), then one calibrated logistic regression per tag learns from the shared features, and each tag's
/// decision threshold is tuned on a held-back validation split.
/// </summary>
public sealed class ContentTagTrainer
{
    private readonly ContentTagTrainerOptions _options;

    /// <summary>Creates a trainer; <paramref name="options"/> defaults to the settings of the shipped model.</summary>
    public ContentTagTrainer(ContentTagTrainerOptions? options = null)
    {
        _options = options ?? new ContentTagTrainerOptions();
        _options.Validate();
    }

    /// <summary>Trains from a CSV file with the configured text and tags columns.</summary>
    /// <exception cref="ContentTagsDataException">The file has a bad row, an unknown tag, or a tag with too few examples.</exception>
    public async Task<ContentTagModel> TrainAsync(string csvPath, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var examples = new List<LabeledText>();
        await foreach (var e in LabeledCsv.ReadAsync(csvPath, _options.TextColumn, _options.TagsColumn, _options.Delimiter, cancellationToken).ConfigureAwait(false))
            examples.Add(e);
        return await Task.Run(() => Train(examples, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Trains from examples in memory.</summary>
    /// <exception cref="ContentTagsDataException">An example has an unknown tag, or a tag has too few examples.</exception>
    public ContentTagModel Train(IEnumerable<LabeledText> examples, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var data = examples.ToList();
        if (data.Count == 0) throw new ContentTagsDataException("there are no examples to train on");
        foreach (var e in data)
        {
            if (e is null) throw new ArgumentException("An example is null.", nameof(examples));
            if (e.Text is null) throw new ContentTagsDataException("an example has no text", e.Source, e.Line);
        }

        var taxonomy = ResolveTaxonomy(data);
        var labels = LabelMatrix(data, taxonomy);
        CheckPositives(labels, taxonomy, data.Count);

        string hash = TrainingData.ComputeHash(data);
        var thresholds = Enumerable.Repeat(0.5f, taxonomy.Count).ToArray();
        ModelMetrics? metrics = null;
        var all = Enumerable.Range(0, data.Count).ToArray();
        int folds = _options.ValidationFolds;
        if (folds >= 2)
        {
            // Out-of-fold probabilities: every example is scored by a model that never saw it, so thresholds are
            // tuned on the whole data set rather than on one small split.
            var order = all.ToArray();
            new Random(_options.Seed).Shuffle(order);
            var probabilities = new float[data.Count][];
            for (int k = 0; k < folds; k++)
            {
                var held = order.Where((_, i) => i % folds == k).Order().ToArray();
                var train = order.Where((_, i) => i % folds != k).Order().ToArray();
                var foldModel = Fit(data, labels, train, taxonomy, thresholds, hash, null, Stage(progress, $"fold {k + 1}/{folds}: "), cancellationToken);
                var tagger = new ContentTagger(foldModel, new ContentTaggerOptions { IncludeEvidence = false });
                Parallel.For(0, held.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    probabilities[held[i]] = new float[taxonomy.Count];
                    tagger.ScoreProbabilities(data[held[i]].Text, probabilities[held[i]]);
                });
            }
            for (int t = 0; t < taxonomy.Count; t++)
                thresholds[t] = ThresholdTuner.Tune(probabilities.Select(p => p[t]).ToArray(), labels.Select(y => y[t]).ToArray(), _options.ThresholdObjective, _options.ThresholdTolerance);
            var predicted = probabilities.Select(p => p.Select((x, t) => x >= thresholds[t]).ToArray()).ToArray();
            metrics = ModelMetrics.Compute(taxonomy.Ids, labels, predicted, thresholds);
        }
        return Fit(data, labels, all, taxonomy, thresholds, hash, metrics, progress, cancellationToken);
    }

    private static IProgress<TrainingProgress>? Stage(IProgress<TrainingProgress>? progress, string prefix) =>
        progress is null ? null : new Progress<TrainingProgress>(p => progress.Report(p with { Stage = prefix + p.Stage }));

    private ContentTagModel Fit(List<LabeledText> data, bool[][] labels, int[] rows, TagTaxonomy taxonomy, float[] thresholds, string hash,
        ModelMetrics? metrics, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(_options.Seed);
        var featurizer = new NgramFeaturizer(Settings, _options.Encoder);
        int dimension = featurizer.Dimension;

        // Featurize once with ML.NET's own transforms; every tag's classifier learns from these same vectors.
        progress?.Report(new TrainingProgress("featurizing", 0, rows.Length));
        var textView = ml.Data.LoadFromEnumerable(rows.Select(i => new MlNetTextInput { Text = data[i].Text }));
        var featurizerModel = featurizer.CreateEstimator(ml, MlNetColumns.Text, MlNetColumns.Features).Fit(textView);
        var featureView = featurizerModel.Transform(textView);
        var features = ReadFeatures(featureView, rows.Length);
        progress?.Report(new TrainingProgress("featurizing", rows.Length, rows.Length));

        var predictors = new BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>[taxonomy.Count];
        int done = 0;
        // Tags are independent, so they train in parallel; each trainer is single-threaded, which keeps results deterministic.
        Parallel.For(0, taxonomy.Count, new ParallelOptions { CancellationToken = cancellationToken }, t =>
        {
            var tagMl = new MLContext(_options.Seed);
            var schema = SchemaDefinition.Create(typeof(TagRow));
            schema[nameof(TagRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
            // Each tag gets its own copy of the feature vectors: ML.NET may reuse the buffers it is handed, and tags
            // train concurrently, so shared buffers would make results depend on thread timing.
            var tagRows = new TagRow[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                var copy = default(VBuffer<float>);
                features[i].CopyTo(ref copy);
                tagRows[i] = new TagRow { Features = copy, Label = labels[rows[i]][t] };
            }
            var view = tagMl.Data.LoadFromEnumerable(tagRows, schema);
            var trainer = tagMl.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TagRow.Label),
                FeatureColumnName = nameof(TagRow.Features),
                L1Regularization = _options.L1Regularization,
                L2Regularization = _options.L2Regularization,
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-6f,
                HistorySize = 20,
                ShowTrainingStatistics = false,
            });
            predictors[t] = trainer.Fit(view);
            progress?.Report(new TrainingProgress("training " + taxonomy[t].Id, Interlocked.Increment(ref done), taxonomy.Count));
        });

        // One ML.NET chain: featurizer, then each tag's classifier with its probability copied aside, then all
        // probabilities concatenated into one vector so a PredictionEngine can read them whatever the taxonomy.
        var transformers = new List<ITransformer> { featurizerModel };
        IDataView schemaView = featureView;
        var probabilityColumns = new string[taxonomy.Count];
        for (int t = 0; t < taxonomy.Count; t++)
        {
            transformers.Add(predictors[t]);
            schemaView = predictors[t].Transform(schemaView);
            probabilityColumns[t] = MlNetColumns.TagProbability(t);
            var copy = ml.Transforms.CopyColumns(probabilityColumns[t], "Probability").Fit(schemaView);
            transformers.Add(copy);
            schemaView = copy.Transform(schemaView);
        }
        var concat = ml.Transforms.Concatenate(MlNetColumns.Probabilities, probabilityColumns).Fit(schemaView);
        transformers.Add(concat);
        schemaView = concat.Transform(schemaView);
        var drop = ml.Transforms.DropColumns([.. probabilityColumns, "Score", "Probability", "PredictedLabel", MlNetColumns.Features]).Fit(schemaView);
        transformers.Add(drop);
        var chain = new TransformerChain<ITransformer>(transformers.ToArray());

        var manifest = new ModelManifest
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            LibraryVersion = LibraryVersion,
            Tags = Definitions(taxonomy, thresholds),
            Featurizer = Settings,
            Scoring = _options.Scoring,
            TrainingDataHash = hash,
            TrainingRows = data.Count,
            Seed = _options.Seed,
            ThresholdObjective = _options.ThresholdObjective,
            ThresholdTolerance = _options.ThresholdTolerance,
            ValidationMetrics = metrics,
            Notes = _options.Notes,
        };
        return new ContentTagModel(manifest, chain, textView.Schema, ml, _options.Encoder);
    }

    // A model that uses the embedding table records which one, so it can refuse a different table when loaded; one that
    // uses a text encoder records which one and its package, so loading can ask for exactly that encoder.
    private FeaturizerSettings Settings => (_options.Featurizer.StaticEmbeddings
        ? _options.Featurizer with { EmbeddingTable = StaticEmbeddings.TableId }
        : _options.Featurizer with { EmbeddingTable = null }) with
        {
            Encoder = _options.Encoder?.Id,
            EncoderDimension = _options.Encoder?.Dimension ?? 0,
            EncoderPackage = _options.Encoder?.Package,
        };

    private static VBuffer<float>[] ReadFeatures(IDataView view, int count)
    {
        var result = new VBuffer<float>[count];
        var column = view.Schema[MlNetColumns.Features];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        int i = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(ref result[i++]);
        }
        return result;
    }

    private TagTaxonomy ResolveTaxonomy(List<LabeledText> data)
    {
        var taxonomy = _options.Taxonomy;
        if (taxonomy is null)
        {
            bool usesBuiltIn = data.Any(e => e.Tags.Any(TagTaxonomy.BuiltIn.Contains));
            if (usesBuiltIn) taxonomy = TagTaxonomy.BuiltIn;
            else
            {
                var ids = data.SelectMany(e => e.Tags).Distinct().ToList();
                if (ids.Count == 0) throw new ContentTagsDataException("no example carries a tag, so there is nothing to learn", data[0].Source);
                taxonomy = TagTaxonomy.FromIds(ids);
            }
        }
        foreach (var e in data)
            foreach (var id in e.Tags)
                if (!TagTaxonomy.IsValidId(id))
                    throw new ContentTagsDataException($"'{id}' is not a valid tag id", e.Source, e.Line, _options.TagsColumn);
                else if (!taxonomy.Contains(id))
                    throw new ContentTagsDataException(
                        $"unknown tag '{id}'; the taxonomy has: {string.Join(", ", taxonomy.Ids)}", e.Source, e.Line, _options.TagsColumn);
        return taxonomy;
    }

    private static bool[][] LabelMatrix(List<LabeledText> data, TagTaxonomy taxonomy) =>
        data.Select(e =>
        {
            var row = new bool[taxonomy.Count];
            foreach (var id in e.Tags) row[taxonomy.IndexOf(id)] = true;
            return row;
        }).ToArray();

    private void CheckPositives(bool[][] labels, TagTaxonomy taxonomy, int rows)
    {
        var rare = new List<string>();
        for (int t = 0; t < taxonomy.Count; t++)
        {
            int positives = labels.Count(y => y[t]);
            if (positives < _options.MinimumPositives || positives == rows)
                rare.Add($"{taxonomy[t].Id} ({positives})");
        }
        if (rare.Count > 0)
            throw new ContentTagsDataException(
                $"too few examples to learn these tags (each needs at least {_options.MinimumPositives} positive and 1 negative example): {string.Join(", ", rare)}");
    }

    private static TagDefinition[] Definitions(TagTaxonomy taxonomy, float[] thresholds) =>
        taxonomy.Select((tag, t) => new TagDefinition(tag.Id, tag.DisplayName, tag.Description, thresholds[t])).ToArray();

    internal static string LibraryVersion { get; } =
        typeof(ContentTagTrainer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private sealed class TagRow
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }
    }
}
