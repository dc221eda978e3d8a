# A new client secret, valid for one year, added next to any the app already
# has (--append). The value is printed once: keep it in your secret store.
az ad app credential reset --id "$client_id" --append --display-name terraform --years 1 --query password -o tsv
