# Trust GitHub Actions' ID tokens for one repository and branch. The subject
# says which jobs may sign in: repo:ORG/REPO:ref:refs/heads/BRANCH,
# repo:ORG/REPO:environment:NAME (jobs with `environment: NAME`) or
# repo:ORG/REPO:pull_request.
az ad app federated-credential create --id "$client_id" --parameters '{
  "name": "github-my-org-sds-config-main",
  "issuer": "https://token.actions.githubusercontent.com",
  "subject": "repo:my-org/sds-config:ref:refs/heads/main",
  "audiences": ["api://AzureADTokenExchange"]
}'
