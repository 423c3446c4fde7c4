using System.Collections.Generic;

namespace PersonalizeDeletion.Personalize
{
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextToken)
        {
            Items = items;
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>Null when this is the last page.</summary>
        public string? NextToken { get; }
    }
}
