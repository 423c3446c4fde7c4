using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// Walks a List operation to its last page: every nextToken is followed, with the largest page the service
    /// allows, so a listing costs as few calls as it can.
    /// </summary>
    internal static class PageReader
    {
        /// <summary>The largest maxResults the model allows for Personalize's List operations.</summary>
        public const int MaxPageSize = 100;

        /// <param name="readPage">Reads the page after the given token (null: the first page) with the given page size.</param>
        /// <exception cref="PersonalizeClientException">The service handed back the token it was given, which would never end.</exception>
        public static async Task<List<T>> ReadAllAsync<T>(
            Func<string?, int, CancellationToken, Task<Page<T>>> readPage,
            string operation,
            CancellationToken cancellationToken)
        {
            var items = new List<T>();
            string? token = null;
            do
            {
                Page<T> page = await readPage(token, MaxPageSize, cancellationToken).ConfigureAwait(false);
                items.AddRange(page.Items);
                if (page.NextToken is not null && string.Equals(page.NextToken, token, StringComparison.Ordinal))
                {
                    throw new PersonalizeClientException(
                        $"Amazon Personalize answered {operation} with the nextToken it was given; the listing would never end.",
                        endpoint: null,
                        innerException: null);
                }

                token = page.NextToken;
            }
            while (token is not null);

            return items;
        }
    }
}
