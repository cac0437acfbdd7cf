import QQLang
print("qq")
