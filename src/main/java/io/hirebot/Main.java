package io.hirebot; public class Main { public static void main(String[] a){} }
