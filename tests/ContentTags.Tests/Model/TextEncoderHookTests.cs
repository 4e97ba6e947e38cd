using ContentTags.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ContentTags.Tests.Model;

/// <summary>
/// The ITextEncoder hook without any real encoder package: a model trained with a toy encoder joins its vector after
/// the n-grams in both paths, records it, round-trips, and refuses to load without it.
/// </summary>
public sealed class TextEncoderHookTests
{
    private static readonly Lazy<ContentTagModel> s_model = new(() =>
    {
        var options = SmallCorpus.Options();
        options.Encoder = LetterEncoder.Instance;
        // Not 1, so the parity test also covers the block's scaling in both paths.
        options.Featurizer = options.Featurizer with { EncoderLength = 3f };
        return new ContentTagTrainer(options).Train(SmallCorpus.Examples);
    });

    [Fact]
    public void The_manifest_names_the_encoder_and_the_features_grow_by_its_dimension()
    {
        var settings = s_model.Value.Manifest.Featurizer;
        Assert.Equal(LetterEncoder.EncoderId, settings.Encoder);
        Assert.Equal(LetterEncoder.Size, settings.EncoderDimension);
        Assert.Equal("ContentTags.Tests", settings.EncoderPackage);
        Assert.Equal(settings.NgramDimension + LetterEncoder.Size, settings.Dimension);
        Assert.Equal(3f, settings.EncoderLength);
    }

    [Fact]
    public void Fast_path_equals_the_ml_net_pipeline_within_1e_4()
    {
        var tagger = new ContentTagger(s_model.Value);
        using var engine = s_model.Value.CreatePredictionEngine();
        var fast = new float[tagger.Taxonomy.Count];
        foreach (var text in SmallCorpus.Examples.Select(e => e.Text).Concat(["", "x", "Ünïcödé and émojis 😀", "A. B! C? D...", "!!!"]))
        {
            var reference = engine.Predict(new MlNetTextInput { Text = text }).Probabilities;
            tagger.ScoreWholeText(text, fast);
            for (int t = 0; t < fast.Length; t++)
                Assert.True(Math.Abs(reference[t] - fast[t]) <= 1e-4, $"'{text}' tag {t}: ML.NET {reference[t]} vs fast {fast[t]}");
        }
    }

    [Fact]
    public void A_huge_text_encodes_a_bounded_number_of_windows()
    {
        // An encoder can cost milliseconds a sentence; 2,000 sentences must not mean 2,000 encodings.
        var tagger = new ContentTagger(s_model.Value);
        string text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"Sentence {i} tells of the gunman who shot the sheriff. "));
        int before = LetterEncoder.Calls;
        var result = tagger.Tag(text);
        int calls = LetterEncoder.Calls - before;
        Assert.InRange(calls, 2, 1 + ContentTagger.MaxDenseWindows);
        Assert.Equal(tagger.Taxonomy.Count, result.Scores.Count);
    }

    [Fact]
    public void Round_trips_with_the_encoder_and_fails_clearly_without_it()
    {
        using var stream = new MemoryStream();
        s_model.Value.Save(stream);

        stream.Position = 0;
        var e = Assert.Throws<ModelFormatException>(() => ContentTagModel.Load(stream, "toy.zip"));
        Assert.Contains(LetterEncoder.EncoderId, e.Message);
        Assert.Contains("ContentTags.Tests", e.Message);

        stream.Position = 0;
        var loaded = new ContentTagger(ContentTagModel.Load(stream, "toy.zip", LetterEncoder.Instance));
        var original = new ContentTagger(s_model.Value);
        foreach (var text in SmallCorpus.Examples.Take(10).Select(x => x.Text))
            Assert.Equal(original.Tag(text).Scores.Select(s => s.Probability), loaded.Tag(text).Scores.Select(s => s.Probability));
        using var engine = loaded.Model.CreatePredictionEngine(); // the saved pipeline finds the toy mapping again
        Assert.Equal(original.Taxonomy.Count, engine.Predict(new MlNetTextInput { Text = "He shoots the guard." }).Probabilities.Length);
    }

    [Fact]
    public void Settings_reject_an_encoder_without_a_dimension()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeaturizerSettings { Encoder = "x", EncoderDimension = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeaturizerSettings { EncoderDimension = 3 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeaturizerSettings { EncoderLength = 0f }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeaturizerSettings { EncoderLength = float.NaN }.Validate());
        Assert.Throws<ArgumentException>(() => new NgramFeaturizer(new FeaturizerSettings { Encoder = "x", EncoderDimension = 3 }));
    }
}

/// <summary>A toy encoder: the share of the text's letters that fall in each of 8 buckets. Deterministic and cheap.</summary>
internal sealed class LetterEncoder : ITextEncoder
{
    public const string EncoderId = "tests/letter-buckets/v1";
    public const int Size = 8;
    public const string ContractName = "ContentTags.Tests.LetterEncoder.v1";

    public static readonly LetterEncoder Instance = new();

    private static int s_calls;

    /// <summary>How many times <see cref="Encode"/> has run (the tests of one class run one at a time).</summary>
    public static int Calls => Volatile.Read(ref s_calls);

    public string Id => EncoderId;

    public string Package => "ContentTags.Tests";

    public int Dimension => Size;

    public void Encode(ReadOnlySpan<char> text, Span<float> destination)
    {
        Interlocked.Increment(ref s_calls);
        var vector = destination[..Size];
        vector.Clear();
        int letters = 0;
        foreach (char c in text)
            if (char.IsLetter(c)) { vector[char.ToLowerInvariant(c) % Size]++; letters++; }
        if (letters > 0)
            for (int d = 0; d < Size; d++) vector[d] /= letters;
    }

    public IEstimator<ITransformer> CreateEstimator(MLContext ml, string inputColumn, string outputColumn)
    {
        ml.ComponentCatalog.RegisterAssembly(typeof(LetterMapping).Assembly);
        return ml.Transforms.CopyColumns(LetterMapping.In, inputColumn)
            .Append(ml.Transforms.CustomMapping(new LetterMapping().GetMapping(), ContractName))
            .Append(ml.Transforms.CopyColumns(outputColumn, LetterMapping.Out))
            .Append(ml.Transforms.DropColumns(LetterMapping.In, LetterMapping.Out));
    }
}

[CustomMappingFactoryAttribute(LetterEncoder.ContractName)]
internal sealed class LetterMapping : CustomMappingFactory<LetterMapping.Input, LetterMapping.Output>
{
    public const string In = "__toy_in";
    public const string Out = "__toy_out";

    public override Action<Input, Output> GetMapping() => (input, output) =>
    {
        output.Vector = new float[LetterEncoder.Size];
        LetterEncoder.Instance.Encode(input.Text ?? string.Empty, output.Vector);
    };

    public sealed class Input
    {
        [ColumnName(In)]
        public string Text { get; set; } = string.Empty;
    }

    public sealed class Output
    {
        [ColumnName(Out)]
        [VectorType(LetterEncoder.Size)]
        public float[] Vector { get; set; } = [];
    }
}
