using System.Numerics;
using System.Runtime.CompilerServices;

namespace ContentTags;

/// <summary>
/// The MurmurHash3 (x86, 32-bit) variants that ML.NET's hashing transforms use, reproduced bit for bit so that
/// <see cref="NgramFeaturizer"/> lands on the same slots as the ML.NET pipeline that trained the model.
/// </summary>
internal static class MlNetHash
{
    /// <summary>One MurmurHash3 block round: mixes a 32-bit chunk into the running hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Round(uint hash, uint chunk) => RoundMixed(hash, MixChunk(chunk));

    /// <summary>
    /// The half of a round that depends on the chunk alone. Split out because a character takes part in several
    /// overlapping n-grams, so its chunk can be mixed once and reused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MixChunk(uint chunk) => BitOperations.RotateLeft(chunk * 0xCC9E2D51, 15) * 0x1B873593;

    /// <summary>The half of a round that folds an already mixed chunk into the hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RoundMixed(uint hash, uint mixedChunk) => BitOperations.RotateLeft(hash ^ mixedChunk, 13) * 5 + 0xE6546B64;

    /// <summary><see cref="RoundMixed(uint, uint)"/> on every lane, for hashing several n-grams at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<uint> RoundMixed(Vector<uint> hash, Vector<uint> mixedChunk)
    {
        var x = hash ^ mixedChunk;
        x = Vector.ShiftLeft(x, 13) | Vector.ShiftRightLogical(x, 19);
        return x * 5u + new Vector<uint>(0xE6546B64);
    }

    /// <summary><see cref="Mix(uint)"/> on every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<uint> Mix(Vector<uint> hash)
    {
        hash ^= Vector.ShiftRightLogical(hash, 16);
        hash *= 0x85EBCA6B;
        hash ^= Vector.ShiftRightLogical(hash, 13);
        hash *= 0xC2B2AE35;
        hash ^= Vector.ShiftRightLogical(hash, 16);
        return hash;
    }

    /// <summary>The MurmurHash3 finalizer (fmix32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }

    /// <summary>
    /// Hashes text the way ML.NET's hashing transform does for models it writes today ("MurmurHash V2",
    /// <c>Hashing.MurmurHashV2</c>): MurmurHash3 x86-32 with the standard tail and length handling, over bytes that are
    /// meant to be the UTF-8 encoding of each UTF-16 code unit taken alone (surrogates become three bytes each).
    /// </summary>
    /// <remarks>
    /// ML.NET builds the bytes of a non-ASCII code unit low byte first and then tries to put them in UTF-8 order by
    /// shuffling bytes, but it shuffles its whole pending buffer, not just the new bytes. When nothing is pending (the
    /// code unit starts a 32-bit block) that yields true UTF-8; otherwise bytes that were already pending move too.
    /// The quirk is reproduced as is: ASCII-only text is plain MurmurHash3 of its bytes, anything else must shuffle
    /// exactly like ML.NET or the word lands on another slot.
    /// </remarks>
    public static uint HashText(uint seed, ReadOnlySpan<char> text)
    {
        uint hash = seed;
        ulong pending = 0;
        int pendingBits = 0;
        int byteCount = 0;
        foreach (char c in text)
        {
            uint ch = c;
            if (ch < 0x80)
            {
                pending |= (ulong)ch << pendingBits;
                pendingBits += 8;
            }
            else if (ch < 0x800)
            {
                // Continuation byte first, lead byte second...
                pending |= (ulong)(0xC080u | (ch & 0x3F) | ((ch << 2) & 0x1F00)) << pendingBits;
                // ...then ML.NET's "swap": the lowest pending byte moves up one and everything else down one.
                pending = ((pending & 0xFF) << 8) | (pending >> 8);
                pendingBits += 16;
            }
            else
            {
                pending |= (ulong)(0xE08080u | (ch & 0x3F) | ((ch << 2) & 0x3F00) | ((ch << 4) & 0x0F0000)) << pendingBits;
                pending = ((pending & 0xFF) << 16) | (((pending >> 8) & 0xFF) << 8) | (pending >> 16);
                pendingBits += 24;
            }

            if (pendingBits >= 32)
            {
                hash = Round(hash, (uint)pending);
                pending >>= 32;
                pendingBits -= 32;
                byteCount += 4;
            }
        }

        byteCount += pendingBits / 8;

        // The standard MurmurHash3 tail: the last 1 to 3 bytes are mixed into the hash without a full round.
        uint tail = 0;
        switch (byteCount & 3)
        {
            case 3:
                tail ^= (uint)((pending >> 16) & 0xFF) << 16;
                goto case 2;
            case 2:
                tail ^= (uint)((pending >> 8) & 0xFF) << 8;
                goto case 1;
            case 1:
                tail ^= (uint)(pending & 0xFF);
                tail *= 0xCC9E2D51;
                tail = BitOperations.RotateLeft(tail, 15);
                tail *= 0x1B873593;
                hash ^= tail;
                break;
        }

        return Mix(hash ^ (uint)byteCount);
    }

    /// <summary>
    /// Hashes a sequence of key values the way ML.NET hashes an n-gram: one round per key, then one for the count,
    /// then the finalizer.
    /// </summary>
    public static uint HashKeys(uint seed, ReadOnlySpan<uint> keys)
    {
        uint hash = seed;
        foreach (uint key in keys)
            hash = Round(hash, key);
        return Mix(Round(hash, (uint)keys.Length));
    }
}
