#ifndef CUSTODYD_CUDEV_SHIM_H
#define CUSTODYD_CUDEV_SHIM_H
#include <libudev.h>
#endif
