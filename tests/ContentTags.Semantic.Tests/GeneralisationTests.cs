using Xunit.Abstractions;

namespace ContentTags.Semantic.Tests;

/// <summary>Issue #8, point 4: sentence embeddings carry a label over to wording the training rows never used.</summary>
public sealed class GeneralisationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Her father took his own life.")]
    [InlineData("Years later, the singer took her own life.")]
    public void Only_the_embedding_model_tags_a_paraphrase_it_never_saw(string probe)
    {
        var semantic = SemanticModels.Semantic.Tag(probe);
        var ngrams = SemanticModels.NgramsOnly.Tag(probe);
        output.WriteLine($"'{probe}': suicide {semantic.Probability("suicide"):F3} with embeddings, {ngrams.Probability("suicide"):F3} with n-grams only");
        Assert.Contains("suicide", semantic.Tags);
        Assert.DoesNotContain("suicide", ngrams.Tags);
    }

    [Fact]
    public void Neither_model_tags_harmless_text_with_the_same_words()
    {
        const string probe = "He took his own boat out to the islands for the summer.";
        Assert.DoesNotContain("suicide", SemanticModels.Semantic.Tag(probe).Tags);
        Assert.DoesNotContain("suicide", SemanticModels.NgramsOnly.Tag(probe).Tags);
    }

    [Fact]
    public void The_model_records_the_encoder()
    {
        var settings = SemanticModels.Semantic.Model.Manifest.Featurizer;
        Assert.Equal(MiniLmSentenceEncoder.EncoderId, settings.Encoder);
        Assert.Equal(768, settings.EncoderDimension);
        Assert.Equal("ContentTags.Semantic", settings.EncoderPackage);
        Assert.Same(MiniLmSentenceEncoder.Shared, SemanticModels.Semantic.Model.Encoder);
        Assert.Null(SemanticModels.NgramsOnly.Model.Manifest.Featurizer.Encoder);
    }
}
