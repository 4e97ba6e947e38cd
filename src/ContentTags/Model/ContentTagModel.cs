using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

namespace ContentTags;

/// <summary>
/// A trained model: an ML.NET pipeline (text featurizer and one calibrated linear classifier per tag) and the manifest
/// that describes it. Saved as one zip holding <c>manifest.json</c> and the ML.NET model, so a model file can be
/// inspected with any zip tool and run with plain ML.NET as well as with <see cref="ContentTagger"/>.
/// </summary>
public sealed class ContentTagModel
{
    internal const string ManifestEntry = "manifest.json";
    internal const string MlNetEntry = "mlnet-model.zip";

    // Zip entries get a fixed timestamp so that the same model always makes the same bytes.
    private static readonly DateTimeOffset EntryTimestamp = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly MLContext _ml;

    internal ContentTagModel(ModelManifest manifest, ITransformer mlNetModel, DataViewSchema inputSchema, MLContext ml, ITextEncoder? encoder = null)
    {
        Manifest = manifest;
        Encoder = manifest.Featurizer.Encoder is null ? null : encoder;
        MlNetModel = mlNetModel;
        InputSchema = inputSchema;
        _ml = ml;
        Taxonomy = manifest.ToTaxonomy();
        Scorer = LinearTagScorer.FromMlNet(mlNetModel, manifest.Featurizer.Dimension, Taxonomy.Count);
        Thresholds = manifest.Tags.Select(t => t.Threshold).ToArray();
    }

    /// <summary>What the model says about itself: taxonomy, thresholds, featurizer settings, data hash, metrics.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The tags this model predicts, in order.</summary>
    public TagTaxonomy Taxonomy { get; }

    /// <summary>
    /// The ML.NET pipeline: input column <c>Text</c> (string), output column <c>Probabilities</c> (one float per tag,
    /// in taxonomy order). <see cref="ContentTagger"/> reproduces it exactly and much faster.
    /// </summary>
    public ITransformer MlNetModel { get; }

    /// <summary>The input schema the ML.NET pipeline expects.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>
    /// The text encoder whose vector is part of this model's features (see <see cref="FeaturizerSettings.Encoder"/>),
    /// or <see langword="null"/> when the model uses n-grams (and the static table) only.
    /// </summary>
    public ITextEncoder? Encoder { get; }

    internal LinearTagScorer Scorer { get; }

    internal float[] Thresholds { get; }

    /// <summary>A copy of this model with other thresholds (for example after re-tuning on your own data).</summary>
    public ContentTagModel WithThresholds(IReadOnlyList<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count != Taxonomy.Count)
            throw new ArgumentException($"Expected {Taxonomy.Count} thresholds, got {thresholds.Count}.", nameof(thresholds));
        var tags = Manifest.Tags.Select((t, i) => t with { Threshold = thresholds[i] }).ToArray();
        return WithManifest(Manifest with { Tags = tags });
    }

    internal ContentTagModel WithManifest(ModelManifest manifest) => new(manifest, MlNetModel, InputSchema, _ml, Encoder);

    /// <summary>Creates a plain ML.NET prediction engine over the model: the slow reference path, used to prove parity.</summary>
    internal PredictionEngine<MlNetTextInput, MlNetProbabilities> CreatePredictionEngine() =>
        _ml.Model.CreatePredictionEngine<MlNetTextInput, MlNetProbabilities>(MlNetModel, InputSchema);

    /// <summary>
    /// Saves the model to <paramref name="path"/>. The file is written beside the target and renamed when complete, so a
    /// crash never leaves a half-written model under the final name.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                Save(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes the model as a zip to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        manifestEntry.LastWriteTime = EntryTimestamp;
        using (var s = manifestEntry.Open())
            JsonSerializer.Serialize(s, Manifest, JsonOptions);

        var modelEntry = zip.CreateEntry(MlNetEntry, CompressionLevel.NoCompression);
        modelEntry.LastWriteTime = EntryTimestamp;
        using (var s = modelEntry.Open())
            s.Write(SaveMlNetModel());
    }

    // ML.NET stamps its own zip entries with the current time; restamping them makes a save reproducible byte for byte.
    private byte[] SaveMlNetModel()
    {
        using var buffer = new MemoryStream();
        _ml.Model.Save(MlNetModel, InputSchema, buffer);
        using (var inner = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
            foreach (var entry in inner.Entries)
                entry.LastWriteTime = EntryTimestamp;
        return buffer.ToArray();
    }

    /// <summary>
    /// Loads a model file written by <see cref="Save(string)"/>. A model trained with a text encoder finds it among the
    /// <see cref="TextEncoders"/> registered so far.
    /// </summary>
    /// <exception cref="ModelFormatException">The file is not a ContentTags model, is damaged, is from a newer format, or needs a text encoder that is not registered.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ContentTagModel Load(string path) => Load(path, null);

    /// <summary>
    /// Loads a model file written by <see cref="Save(string)"/>, with <paramref name="encoder"/> for a model trained with
    /// that text encoder (when <see langword="null"/>, the <see cref="TextEncoders"/> registry is asked).
    /// </summary>
    /// <exception cref="ModelFormatException">The file is not a ContentTags model, is damaged, is from a newer format, or needs another text encoder than the one given or registered.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ContentTagModel Load(string path, ITextEncoder? encoder)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path, encoder);
    }

    /// <summary>Loads a model from a stream; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="ModelFormatException">The stream is not a ContentTags model, is damaged, is from a newer format, or needs a text encoder that is not registered.</exception>
    public static ContentTagModel Load(Stream stream, string sourceName = "(stream)") => Load(stream, sourceName, null);

    /// <summary>
    /// Loads a model from a stream, with <paramref name="encoder"/> for a model trained with that text encoder (when
    /// <see langword="null"/>, the <see cref="TextEncoders"/> registry is asked); <paramref name="sourceName"/> names
    /// the stream in error messages.
    /// </summary>
    /// <exception cref="ModelFormatException">The stream is not a ContentTags model, is damaged, is from a newer format, or needs another text encoder than the one given or registered.</exception>
    public static ContentTagModel Load(Stream stream, string sourceName, ITextEncoder? encoder)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException(sourceName, "it is not a zip file, or it is truncated or corrupt", e);
        }

        using (zip)
        {
            var manifestEntry = zip.GetEntry(ManifestEntry)
                ?? throw new ModelFormatException(sourceName, $"it is a zip file without '{ManifestEntry}', so it was not written by ContentTags");
            ModelManifest manifest = ReadManifest(manifestEntry, sourceName);

            var modelEntry = zip.GetEntry(MlNetEntry)
                ?? throw new ModelFormatException(sourceName, $"it has a manifest but no '{MlNetEntry}' (the ML.NET model)");
            try
            {
                var ml = new MLContext(manifest.Seed);
                // This assembly's own custom mappings (negation marking) are found by contract name too.
                ml.ComponentCatalog.RegisterAssembly(typeof(NegationMarkingMapping).Assembly);
                if (manifest.Featurizer.StaticEmbeddings)
                {
                    if (manifest.Featurizer.EmbeddingTable != StaticEmbeddings.TableId)
                        throw new ModelFormatException(sourceName,
                            $"it was trained with the embedding table '{manifest.Featurizer.EmbeddingTable}', but this version of ContentTags has '{StaticEmbeddings.TableId}'");
                    ml.ComponentCatalog.RegisterAssembly(typeof(StaticEmbeddingMapping).Assembly);
                }
                ITextEncoder? textEncoder = ResolveEncoder(manifest.Featurizer, encoder, sourceName);
                // ML.NET finds the encoder's custom mapping by contract name among the registered assemblies.
                if (textEncoder is not null)
                    ml.ComponentCatalog.RegisterAssembly(textEncoder.GetType().Assembly);
                using var buffer = new MemoryStream();
                using (var s = modelEntry.Open()) s.CopyTo(buffer);
                buffer.Position = 0;
                var model = ml.Model.Load(buffer, out var schema);
                return new ContentTagModel(manifest, model, schema, ml, textEncoder);
            }
            catch (ModelFormatException) { throw; }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or EndOfStreamException or IOException or ArgumentException or NotSupportedException)
            {
                throw new ModelFormatException(sourceName, "its ML.NET model cannot be read: " + e.Message, e);
            }
        }
    }

    // Checked before ML.NET reads the pipeline, whose own error for an unknown custom mapping names neither the
    // encoder nor the package to install.
    private static ITextEncoder? ResolveEncoder(FeaturizerSettings settings, ITextEncoder? given, string sourceName)
    {
        if (settings.Encoder is not string id)
            return null;
        string package = settings.EncoderPackage ?? "the package that provides it";
        ITextEncoder? encoder = given;
        if (encoder is null && !TextEncoders.TryGet(id, out encoder))
            throw new ModelFormatException(sourceName,
                $"it was trained with the text encoder '{id}', which is not available; add the package {package} and register its encoder (TextEncoders.Register, or the package's own Register method) before loading, or pass the encoder to ContentTagModel.Load");
        if (encoder.Id != id)
            throw new ModelFormatException(sourceName, $"it was trained with the text encoder '{id}', but the encoder given is '{encoder.Id}'");
        if (encoder.Dimension != settings.EncoderDimension)
            throw new ModelFormatException(sourceName,
                $"it was trained with the text encoder '{id}' giving {settings.EncoderDimension} values, but the encoder given gives {encoder.Dimension}");
        return encoder;
    }

    private static ModelManifest ReadManifest(ZipArchiveEntry entry, string sourceName)
    {
        JsonDocument doc;
        try
        {
            using var s = entry.Open();
            doc = JsonDocument.Parse(s);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            throw new ModelFormatException(sourceName, $"its '{ManifestEntry}' is not valid JSON", e);
        }

        using (doc)
        {
            // Check the version before binding, so a newer file gets the helpful message, not a binding error.
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("formatVersion", out var versionElement)
                || !versionElement.TryGetInt32(out int version))
                throw new ModelFormatException(sourceName, $"its '{ManifestEntry}' has no formatVersion, so it was not written by ContentTags");
            if (version > ModelManifest.CurrentFormatVersion)
                throw new ModelFormatException(sourceName,
                    $"it uses model format {version}, newer than format {ModelManifest.CurrentFormatVersion} that this version of ContentTags reads; update the ContentTags package");
            if (version < 1)
                throw new ModelFormatException(sourceName, $"it declares an invalid model format {version}");
            try
            {
                var manifest = doc.RootElement.Deserialize<ModelManifest>(JsonOptions)
                    ?? throw new ModelFormatException(sourceName, "its manifest is empty");
                if (manifest.Tags is null || manifest.Tags.Count == 0)
                    throw new ModelFormatException(sourceName, "its manifest lists no tags");
                manifest.Featurizer.Validate();
                return manifest;
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                throw new ModelFormatException(sourceName, "its manifest cannot be read: " + e.Message, e);
            }
        }
    }
}
