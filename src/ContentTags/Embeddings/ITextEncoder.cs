using Microsoft.ML;

namespace ContentTags;

/// <summary>
/// Turns a whole text into a dense vector that a model appends to its n-gram features, for encoders that live outside
/// this package (such as the sentence-embedding encoder of <c>ContentTags.Semantic</c>). A model trained with an
/// encoder records its <see cref="Id"/>, and loading that model needs the same encoder again: pass it to
/// <see cref="ContentTagModel.Load(string, ITextEncoder?)"/> or register it once with <see cref="TextEncoders.Register"/>.
/// </summary>
/// <remarks>
/// <para>
/// The vector is computed twice over: by <see cref="Encode"/> on the fast inference path, and by the ML.NET transform of
/// <see cref="CreateEstimator"/> inside the saved ML.NET pipeline (so a model still runs in a plain ML.NET
/// <c>PredictionEngine</c>). Both must give the same values; <see cref="ContentTagger"/> is tested to equal ML.NET within 1e-4.
/// </para>
/// <para>
/// Implementations must be thread-safe (one instance serves every thread of every tagger) and deterministic (the same
/// text always gives the same vector, which is what makes training reproducible), and must never throw because of a
/// text's content: empty, huge, binary or malformed text gives some vector (all zeros is fine).
/// </para>
/// <para>
/// When a saved model is loaded, the assembly that declares the encoder's type is registered with ML.NET's component
/// catalog, so the custom mapping factory that <see cref="CreateEstimator"/> uses must be declared in that assembly.
/// </para>
/// </remarks>
public interface ITextEncoder
{
    /// <summary>
    /// Names the encoder and the exact computation, e.g. <c>minilm-l6-v2/sentences-mean-max/v1</c>; recorded in a
    /// model's manifest. Change it whenever the vector a text gets changes, so an old model never meets a new vector.
    /// </summary>
    string Id { get; }

    /// <summary>The NuGet package that provides this encoder, named in the error when a model needs it and it is missing.</summary>
    string Package { get; }

    /// <summary>How many numbers <see cref="Encode"/> writes.</summary>
    int Dimension { get; }

    /// <summary>
    /// Writes the vector of <paramref name="text"/> into the first <see cref="Dimension"/> values of
    /// <paramref name="destination"/>. Thread-safe; never throws because of the text's content.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Dimension"/>.</exception>
    void Encode(ReadOnlySpan<char> text, Span<float> destination);

    /// <summary>
    /// The ML.NET estimator that computes the same vector: text in <paramref name="inputColumn"/> (string), a known-size
    /// vector of <see cref="Dimension"/> floats in <paramref name="outputColumn"/>. It must leave no other new columns
    /// behind and must load again from a saved model once this encoder's assembly is registered with the catalog.
    /// </summary>
    IEstimator<ITransformer> CreateEstimator(MLContext ml, string inputColumn, string outputColumn);
}
