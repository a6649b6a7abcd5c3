from barkhane_cli.cli import main

main()
