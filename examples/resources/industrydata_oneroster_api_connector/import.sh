# A connector is imported by its id, the GUID that Graph gives it (the
# industrydata_data_connectors data source lists them with their type).
# Graph never returns the client secret: the next apply sends the configured one.
terraform import industrydata_oneroster_api_connector.sis 5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f
