namespace ContentTags.Cli;

/// <summary>The tool's exit codes, a contract scripts rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
    public const int Cancelled = 130; // 128 + SIGINT, as shells report it
}
