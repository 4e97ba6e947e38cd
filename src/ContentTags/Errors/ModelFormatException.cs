namespace ContentTags;

/// <summary>
/// A model file that is not a ContentTags model, is damaged, or was written by a newer format version. The message
/// says which file and what is wrong with it.
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with the reason <paramref name="reason"/>.</summary>
    public ModelFormatException(string source, string reason, Exception? innerException = null)
        : base($"'{source}' is not a usable ContentTags model: {reason}", innerException)
    {
        Source = source;
        Reason = reason;
    }

    /// <summary>The file (or stream name) that was being loaded.</summary>
    public new string Source { get; }

    /// <summary>What is wrong with the file.</summary>
    public string Reason { get; }
}
