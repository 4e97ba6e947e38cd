using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ContentTags;

/// <summary>
/// The trained per-tag linear models, laid out for speed. ML.NET stores one weight vector per tag; scoring 15 of them
/// one after another walks the sparse features 15 times. Here the weights are feature-major (all tags' weights of one
/// feature side by side, padded to whole SIMD vectors), so one pass over a text's features scores every tag.
/// </summary>
internal sealed class LinearTagScorer
{
    private readonly float[] _weights; // [feature * Stride + tag]
    private readonly float[] _bias;
    private readonly float[] _slope;
    private readonly float[] _offset;

    private LinearTagScorer(int dimension, int tagCount, float[] weights, float[] bias, float[] slope, float[] offset)
    {
        Dimension = dimension;
        TagCount = tagCount;
        _weights = weights;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    public int Dimension { get; }

    public int TagCount { get; }

    /// <summary>Tags per feature row, rounded up to whole <see cref="Vector{T}"/>s; scratch buffers use this length.</summary>
    public int Stride => _bias.Length;

    /// <summary>Reads the linear weights and Platt calibrators out of a trained ML.NET model chain.</summary>
    public static LinearTagScorer FromMlNet(ITransformer model, int dimension, int expectedTags)
    {
        var predictors = new List<(LinearBinaryModelParameters Linear, PlattCalibrator Platt)>();
        foreach (var transformer in Flatten(model))
        {
            if (transformer is not ISingleFeaturePredictionTransformer<object> prediction) continue;
            // A loaded model's parameters are typed by ML.NET's internal interfaces, so read them by property name.
            object parameters = prediction.Model;
            var type = parameters.GetType();
            if (Property<LinearBinaryModelParameters>(parameters, "SubModel") is { } linear
                && Property<PlattCalibrator>(parameters, "Calibrator") is { } platt)
                predictors.Add((linear, platt));
            else
                throw new InvalidDataException($"the ML.NET model holds a {type.Name}, not a calibrated linear classifier");
        }
        if (predictors.Count != expectedTags)
            throw new InvalidDataException($"the ML.NET model has {predictors.Count} classifiers but the manifest lists {expectedTags} tags");
        return FromPredictors(predictors, dimension);
    }

    public static LinearTagScorer FromPredictors(IReadOnlyList<(LinearBinaryModelParameters Linear, PlattCalibrator Platt)> predictors, int dimension)
    {
        int tags = predictors.Count;
        int lanes = Vector<float>.Count;
        int stride = (tags + lanes - 1) / lanes * lanes;
        var weights = new float[(long)dimension * stride];
        var bias = new float[stride];
        var slope = new float[stride];
        var offset = new float[stride];
        for (int t = 0; t < tags; t++)
        {
            var (linear, platt) = predictors[t];
            // One bulk copy (ICollection.CopyTo where ML.NET offers it) instead of an interface call per weight.
            float[] w = linear.Weights as float[] ?? linear.Weights.ToArray();
            if (w.Length != dimension)
                throw new InvalidDataException($"classifier {t} has {w.Length} weights but the featurizer makes {dimension} features");
            for (int f = 0; f < w.Length; f++) weights[(long)f * stride + t] = w[f];
            bias[t] = linear.Bias;
            slope[t] = (float)platt.Slope;
            offset[t] = (float)platt.Offset;
        }
        return new LinearTagScorer(dimension, tags, weights, bias, slope, offset);
    }

    /// <summary>The weight of one feature for one tag (how much that feature pushes the tag).</summary>
    public float Weight(int feature, int tag) => _weights[(long)feature * Stride + tag];

    /// <summary>
    /// Writes each tag's dot product with <paramref name="features"/> (no bias, no calibration) into
    /// <paramref name="sums"/> (length <see cref="Stride"/>). The features may be in any order.
    /// </summary>
    public void Dot(FeatureVector features, Span<float> sums)
    {
        var acc = MemoryMarshal.Cast<float, Vector<float>>(sums[..Stride]);
        acc.Clear();
        var weights = _weights.AsSpan();
        int stride = Stride;
        int count = features.Count;
        var indices = features.Indices;
        var values = features.Values;
        for (int i = 0; i < count; i++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(weights.Slice(indices[i] * stride, stride));
            var v = new Vector<float>(values[i]);
            for (int k = 0; k < row.Length; k++) acc[k] += row[k] * v;
        }
    }

    /// <summary>Adds every tag's weight of one feature to <paramref name="sums"/> at <paramref name="offset"/> (no bounds checks beyond the row's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddWeights(int feature, float[] sums, int offset)
    {
        // Called once per n-gram occurrence while sentence parts are gathered, so it skips span slicing.
        ref float row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), (nint)feature * Stride);
        ref float acc = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(sums), offset);
        if ((uint)feature >= (uint)Dimension || (uint)offset > (uint)(sums.Length - Stride))
            throw new ArgumentOutOfRangeException(nameof(feature));
        for (int k = 0; k < Stride; k += Vector<float>.Count)
            (Vector.LoadUnsafe(ref acc, (nuint)k) + Vector.LoadUnsafe(ref row, (nuint)k)).StoreUnsafe(ref acc, (nuint)k);
    }

    /// <summary>Adds <paramref name="factor"/> times every tag's weight of one feature to <paramref name="sums"/>.</summary>
    public void AddWeights(int feature, float factor, Span<float> sums)
    {
        var acc = MemoryMarshal.Cast<float, Vector<float>>(sums[..Stride]);
        var row = MemoryMarshal.Cast<float, Vector<float>>(_weights.AsSpan(feature * Stride, Stride));
        var v = new Vector<float>(factor);
        for (int k = 0; k < row.Length; k++) acc[k] += row[k] * v;
    }

    /// <summary>Turns each tag's dot product (without the bias) into its calibrated probability, in place.</summary>
    public void Calibrate(Span<float> sums)
    {
        for (int t = 0; t < TagCount; t++)
            sums[t] = Probability(t, sums[t]);
    }

    /// <summary>One tag's calibrated probability for a dot product (without the bias).</summary>
    public float Probability(int tag, float dot)
    {
        // ML.NET's PlattCalibrator: p = 1 / (1 + exp(slope * score + offset)).
        float score = dot + _bias[tag];
        return 1f / (1f + MathF.Exp(_slope[tag] * score + _offset[tag]));
    }

    // Derived parameter types re-declare these properties, so several match by name; take the one that has the value.
    private static T? Property<T>(object owner, string name) where T : class =>
        owner.GetType().GetProperties().Where(p => p.Name == name).Select(p => p.GetValue(owner)).OfType<T>().FirstOrDefault();

    private static IEnumerable<ITransformer> Flatten(ITransformer model)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var inner in chain)
                foreach (var t in Flatten(inner)) yield return t;
        }
        else yield return model;
    }
}
