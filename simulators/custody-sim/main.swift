print("custody-sim")
