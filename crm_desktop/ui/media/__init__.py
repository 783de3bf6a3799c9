"""The media panel: a customer's media records (files in Nextcloud) as icons or as a table."""
