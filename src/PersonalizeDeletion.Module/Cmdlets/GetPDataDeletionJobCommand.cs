using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets Amazon Personalize data deletion jobs by ARN, by dataset group, or for the whole account and region.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PDataDeletionJob")]
    [OutputType(typeof(DataDeletionJob))]
    public sealed class GetPDataDeletionJobCommand : PersonalizeCmdletBase
    {
        // One parameter set on purpose: objects of this module carry both JobArn and DatasetGroupArn, and with two
        // sets PowerShell would bind them to the listing. A JobArn, when present, always means "describe these".
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DataDeletionJobArn", "Arn")]
        [ArgumentCompleter(typeof(DataDeletionJobCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? JobArn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetGroupArnCompleter))]
        [ValidateNotNullOrEmpty]
        public string? DatasetGroupArn { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(StatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(DataDeletionJobCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public SwitchParameter Detailed { get; set; }

        private WildcardPattern? _namePattern;
        private HashSet<string>? _statuses;
        private JudgementReporter? _judgements;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _namePattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            _statuses = Status is null ? null : new HashSet<string>(Status, StringComparer.OrdinalIgnoreCase);
            foreach (string status in Status ?? Array.Empty<string>())
            {
                // A typo ("COMPLETE") would list nothing, which reads as "no job ran": the worst answer an audit can get.
                if (!DataDeletionJob.DocumentedStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create(ErrorIds.InvalidStatus, ErrorCategory.InvalidArgument,
                        new ArgumentException($"'{status}' is not a data deletion job status. Use {string.Join(", ", DataDeletionJob.DocumentedStatuses)} (or filter the output with Where-Object Status -EQ '{status}')."), status));
                }
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                if (JobArn is not null)
                {
                    DescribeEach(JobArn);
                }
                else
                {
                    List();
                }
            }
            catch (AwsConfigurationException configuration)
            {
                ThrowTerminatingError(ToErrorRecord(configuration, null));
            }
        }

        private void DescribeEach(IEnumerable<string> arns)
        {
            // Every ARN is checked before the first call, so a typo in the list never leaves half the work done.
            var valid = new List<PersonalizeArn>();
            foreach (string text in arns)
            {
                if (PersonalizeArn.TryParse(text, PersonalizeArn.DataDeletionJobResourceType, out PersonalizeArn? arn))
                {
                    valid.Add(arn!);
                }
                else
                {
                    WriteError(ErrorRecordFactory.InvalidJobArn(text));
                }
            }

            foreach (PersonalizeArn arn in valid)
            {
                IPersonalizeClient client = GetPersonalizeClient(arn.Region);
                try
                {
                    DataDeletionJobInfo info = Await(token => client.DescribeDataDeletionJobAsync(arn.Text, token));
                    if (Matches(info))
                    {
                        Output(DataDeletionJob.FromService(info, arn.Region));
                    }
                }
                catch (ResourceNotFoundException notFound)
                {
                    WriteError(ErrorRecordFactory.Create(ErrorIds.DataDeletionJobNotFound, ErrorCategory.ObjectNotFound,
                        new ItemNotFoundException($"No data deletion job '{arn.Name}' exists in {arn.Region} for account {arn.Account}.", notFound),
                        arn.Text));
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                {
                    WriteCallFailure(failure, arn.Text);
                }
            }
        }

        private void List()
        {
            string? region = null;
            if (DatasetGroupArn is not null)
            {
                if (!PersonalizeArn.TryParse(DatasetGroupArn, PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? groupArn))
                {
                    WriteError(ErrorRecordFactory.InvalidDatasetGroupArn(DatasetGroupArn));
                    return;
                }

                region = groupArn!.Region;
            }

            IPersonalizeClient client = GetPersonalizeClient(region);
            string jobRegion = region ?? GetSession().Region;
            string scope = DatasetGroupArn ?? "the account";
            var progress = new ProgressRecord(1, "Get-PDataDeletionJob", $"Listing data deletion jobs of {scope}");

            int listed = 0;
            int matched = 0;
            int pages = 0;
            string? token = null;
            try
            {
                do
                {
                    string? pageToken = token;
                    Page<DataDeletionJobInfo> page = Await(cancel => client.ListDataDeletionJobsAsync(DatasetGroupArn, pageToken, 100, cancel));
                    pages++;
                    listed += page.Items.Count;
                    if (pages > 1)
                    {
                        progress.StatusDescription = $"{listed} jobs listed";
                        WriteProgress(progress);
                    }

                    foreach (DataDeletionJobInfo summary in page.Items)
                    {
                        if (!Matches(summary))
                        {
                            continue;
                        }

                        matched++;
                        Output(Detailed ? Describe(client, summary) : DataDeletionJob.FromService(summary, jobRegion));
                    }

                    token = page.NextToken;
                }
                while (token is not null);
            }
            catch (ResourceNotFoundException notFound) when (DatasetGroupArn is not null)
            {
                WriteError(ErrorRecordFactory.Create(ErrorIds.DatasetGroupNotFound, ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"Dataset group '{DatasetGroupArn}' does not exist.", notFound), DatasetGroupArn));
                return;
            }
            catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
            {
                WriteCallFailure(failure, DatasetGroupArn);
                return;
            }
            finally
            {
                if (pages > 1)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
            }

            WriteVerbose($"Listed {listed} data deletion jobs of {scope}; {matched} matched.");
            if (listed == 0 && DatasetGroupArn is not null && !DatasetGroupExists(client))
            {
                // The listing of a dataset group that does not exist is empty, not an error: say which it is.
                WriteError(ErrorRecordFactory.Create(ErrorIds.DatasetGroupNotFound, ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"Dataset group '{DatasetGroupArn}' does not exist."), DatasetGroupArn));
                return;
            }

            if (matched == 0 && Name is not null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                // Like Get-Process -Name: asking for one job by its exact name and finding none is an error.
                WriteError(ErrorRecordFactory.Create(ErrorIds.DataDeletionJobNotFound, ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"No data deletion job named '{Name}' was found in {scope}."), Name));
            }
        }

        protected override void EndProcessing()
        {
            _judgements?.Complete();
        }

        protected override void Dispose(bool disposing)
        {
            _judgements?.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>With -Detailed, a described job is judged (one read per dataset group per command) and carries its receipt.</summary>
        private void Output(DataDeletionJob job)
        {
            if (!Detailed)
            {
                WriteObject(job);
                return;
            }

            _judgements ??= new JudgementReporter(this, receipts: true, receiptFolder: null);
            foreach (DataDeletionJob judged in _judgements.Judge(new[] { job }))
            {
                WriteObject(JudgementReporter.AsJudged(judged));
            }
        }

        private bool DatasetGroupExists(IPersonalizeClient client)
        {
            try
            {
                Await(token => client.DescribeDatasetGroupAsync(DatasetGroupArn!, token));
                return true;
            }
            catch (ResourceNotFoundException)
            {
                return false;
            }
            catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
            {
                // Listing was allowed and answered; a group that cannot be described is not reported as missing.
                WriteVerbose($"Could not check that {DatasetGroupArn} exists: {failure.Message}");
                return true;
            }
        }

        /// <summary>-Status and -Name filter listings and described jobs alike.</summary>
        private bool Matches(DataDeletionJobInfo job) =>
            (_statuses is null || _statuses.Contains(job.Status ?? string.Empty))
            && (_namePattern is null || _namePattern.IsMatch(job.JobName ?? string.Empty));

        private DataDeletionJob Describe(IPersonalizeClient client, DataDeletionJobInfo summary)
        {
            DataDeletionJob job = DataDeletionJob.FromService(summary, null);
            if (summary.DataDeletionJobArn is string arn)
            {
                job.Apply(Await(token => client.DescribeDataDeletionJobAsync(arn, token)));
            }

            return job;
        }
    }
}
