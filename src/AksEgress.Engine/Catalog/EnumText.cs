using System;

namespace AksEgress.Catalog
{
    /// <summary>Parses enum names exactly, refusing numbers and unknown names (Enum.TryParse accepts "7").</summary>
    internal static class EnumText
    {
        public static bool TryParse<T>(string? text, bool ignoreCase, out T value) where T : struct
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text) || char.IsDigit(text![0]) || text[0] == '-') return false;
            return Enum.TryParse(text.Trim(), ignoreCase, out value) && Enum.IsDefined(typeof(T), value);
        }
    }
}
