namespace PersonalizeDeletion.Assurance
{
    /// <summary>Who the command's credentials are, as STS GetCallerIdentity says.</summary>
    internal sealed class CallerIdentity
    {
        public CallerIdentity(string arn, string? account, string? userId)
        {
            Arn = arn;
            Account = account;
            UserId = userId;
        }

        /// <summary>Such as <c>arn:aws:sts::123456789012:assumed-role/DeletionRunner/session</c>.</summary>
        public string Arn { get; }

        public string? Account { get; }

        public string? UserId { get; }
    }
}
