from crm_desktop.app import run

run()
