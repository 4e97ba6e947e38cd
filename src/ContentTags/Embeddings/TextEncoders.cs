using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ContentTags;

/// <summary>
/// The process-wide registry of <see cref="ITextEncoder"/>s that model loading consults: a model trained with an encoder
/// names it in its manifest, and <see cref="ContentTagModel.Load(string)"/> (and so <see cref="ContentTagger.Load"/>,
/// the CLI and dependency injection) finds it here. Packages that provide an encoder offer a one-line registration
/// (for example <c>SemanticContentTags.Register()</c>); call it once at start-up. Thread-safe.
/// </summary>
public static class TextEncoders
{
    private static readonly ConcurrentDictionary<string, ITextEncoder> s_encoders = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes <paramref name="encoder"/> available to every later model load, under its <see cref="ITextEncoder.Id"/>.
    /// Registering the same id again replaces the earlier encoder (which must compute the same vectors, by the
    /// contract of <see cref="ITextEncoder.Id"/>).
    /// </summary>
    public static void Register(ITextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentException.ThrowIfNullOrWhiteSpace(encoder.Id, nameof(encoder));
        s_encoders[encoder.Id] = encoder;
    }

    /// <summary>Finds a registered encoder by its id.</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out ITextEncoder? encoder)
    {
        ArgumentNullException.ThrowIfNull(id);
        return s_encoders.TryGetValue(id, out encoder);
    }

    /// <summary>The ids of the registered encoders, in no particular order.</summary>
    public static IReadOnlyCollection<string> RegisteredIds => s_encoders.Keys.ToArray();
}
