"""The customer list: its item model, the customer dialog and the panel."""
