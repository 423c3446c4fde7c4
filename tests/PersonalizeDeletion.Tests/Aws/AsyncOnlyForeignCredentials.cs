using System.Threading.Tasks;

namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>A foreign credential that can only be asked asynchronously.</summary>
    public sealed class AsyncOnlyForeignCredentials
    {
        private readonly ForeignKeys _keys;

        public AsyncOnlyForeignCredentials(ForeignKeys keys)
        {
            _keys = keys;
        }

        public async Task<ForeignKeys> GetCredentialsAsync()
        {
            await Task.Yield();
            return _keys;
        }
    }
}
